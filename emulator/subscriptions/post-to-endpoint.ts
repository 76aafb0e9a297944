import http from "node:http";
import https from "node:https";

export interface EndpointAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Thrown when the endpoint did not answer in time: Graph's validation has a 10 s limit. */
export class EndpointTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms.`);
    this.name = "EndpointTimeout";
  }
}

/**
 * One POST to a subscriber's endpoint, as Graph makes them: HTTPS trusting the
 * system CAs plus `ca` (the emulator's own, so a portal with the local
 * certificate can be the receiver), or plain HTTP to a loopback address for
 * tests. Whatever happens, it resolves or rejects within `timeoutMs`.
 */
export function postToEndpoint(url: URL, body: string, options: { contentType: string; timeoutMs: number; ca?: string[] }): Promise<EndpointAnswer> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.from(body);
    const send = url.protocol === "https:" ? https.request : http.request;
    const request = send(
      url,
      {
        method: "POST",
        headers: { "content-type": options.contentType, "content-length": payload.length, "user-agent": "Switchboard-Graph-Emulator/1.0" },
        ...(url.protocol === "https:" && options.ca ? { ca: options.ca } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          // A validation answer is a token; nothing a receiver says needs more.
          if (size <= 64 * 1024) chunks.push(chunk);
        });
        response.on("end", () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers["content-type"] ?? ""),
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
        response.on("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      reject(new EndpointTimeout(options.timeoutMs));
    }, options.timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(payload);
  });
}
