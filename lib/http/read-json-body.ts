import { AppError } from "@/lib/errors";

export type JsonBodyLimits = {
  /** Bytes of the body as sent; 1 MiB unless said. */
  maxBytes?: number;
  /** Levels of nested objects and arrays; 32 unless said. */
  maxDepth?: number;
};

export const defaultJsonBodyLimits: Required<JsonBodyLimits> = { maxBytes: 1024 * 1024, maxDepth: 32 };

// Keys that reach an object's prototype when a parsed body is merged, spread or walked.
const forbiddenKeys = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A request's JSON body, or an AppError("invalid_input") — a 400 — that says
 * what is wrong with it, never a 500: a body larger than maxBytes (read no
 * further than that), text that is not UTF-8 or not JSON, nesting deeper than
 * maxDepth (checked on the text before anything recursive walks it), a key
 * `__proto__`, `constructor` or `prototype` at any level, or a string with a
 * NUL or a lone surrogate (PostgreSQL refuses the one; the other has no UTF-8
 * form). Kept generic on purpose: any route that takes JSON reads it here and
 * maps the AppError to its own error shape.
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
  if (nestingDepth(text) > maxDepth) throw new AppError("invalid_input", `The request body is nested more than ${maxDepth} levels deep.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON.");
  }
  const problem = unsafeContent(body);
  if (problem) throw new AppError("invalid_input", problem);
  return body;
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

/** The deepest nesting of [ and { outside strings, counted in one pass without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** The first forbidden key or unstorable string in a parsed body; iterative, as the depth is already bounded. */
function unsafeContent(root: unknown): string | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === "string") {
      if (value.includes("\u0000")) return "The request body contains a NUL character, which cannot be stored.";
      if (/\p{Cs}/u.test(value)) return "The request body contains a broken character (an unpaired surrogate).";
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item); // not push(...value): a long array exceeds the argument limit
    }
    else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (forbiddenKeys.has(key)) return `The request body uses "${key}" as a key, which is not accepted.`;
        stack.push(key, child);
      }
    }
  }
  return null;
}
