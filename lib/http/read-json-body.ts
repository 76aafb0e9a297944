import { AppError } from "@/lib/errors";
import { parseUntrustedJson, UntrustedJsonError } from "./parse-untrusted-json";

export type JsonBodyLimits = {
  /** Bytes of the body as sent; 1 MiB unless said. */
  maxBytes?: number;
  /** Levels of nested objects and arrays; 32 unless said. */
  maxDepth?: number;
};

export const defaultJsonBodyLimits: Required<JsonBodyLimits> = { maxBytes: 1024 * 1024, maxDepth: 32 };

/**
 * A request's JSON body, or an AppError("invalid_input") — a 400 — that says
 * what is wrong with it, never a 500: a body larger than maxBytes (read no
 * further than that), bytes that are not UTF-8, and whatever parseUntrustedJson
 * refuses (not JSON, nesting deeper than maxDepth, a `__proto__`,
 * `constructor` or `prototype` key, NUL or a lone surrogate). The reading half
 * of parseUntrustedJson, for route handlers that get a Request; any route that
 * takes JSON reads it here and maps the AppError to its own error shape.
 */
export async function readJsonBody(request: Request, limits: JsonBodyLimits = {}): Promise<unknown> {
  const { maxBytes, maxDepth } = { ...defaultJsonBodyLimits, ...limits };
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readAtMost(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid UTF-8.");
  }
  if (text.trim() === "") throw new AppError("invalid_input", "The request body is empty; JSON was expected.");
  try {
    return parseUntrustedJson(text, { maxDepth });
  } catch (error) {
    if (error instanceof UntrustedJsonError)
      throw new AppError("invalid_input", `The request body is refused: ${error.message[0]!.toLowerCase()}${error.message.slice(1)}`);
    throw error;
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("invalid_input", `The request body is larger than ${maxBytes} bytes.`);
}

async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: on a cloned request (a tee) the cancel settles only when the other branch is done too.
      reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
