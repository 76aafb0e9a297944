import https from "node:https";

export class EmulatorAdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "EmulatorAdminError";
  }
}

export type AdminRequest = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * JSON over HTTPS to the admin API. With `ca` (the emulator's CA PEM) it
 * trusts exactly that CA for this client, so the in-process admin handle works
 * even in a process started without NODE_EXTRA_CA_CERTS; without it, Node's
 * normal trust store applies (which NODE_EXTRA_CA_CERTS extends).
 */
export function adminRequester(baseUrl: string, adminKey: string, ca?: string): AdminRequest {
  const agent = new https.Agent({ keepAlive: true, ...(ca ? { ca } : {}) });
  return (method, path, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const request = https.request(
        new URL(`/_emulator${path}`, baseUrl),
        {
          method,
          agent,
          headers: {
            "x-emulator-key": adminKey,
            accept: "application/json",
            ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const json = text ? safeParse(text) : undefined;
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) return resolve(json as never);
            const error = (json as { error?: { message?: string; details?: unknown } } | undefined)?.error;
            reject(new EmulatorAdminError(status, `${method} ${path}: ${error?.message ?? text ?? status}`, error?.details));
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
