import { readFileSync } from "node:fs";
import type { StreamInput, StreamMessage } from "./bench-protocol";

/**
 * One phonebook streamed through the real route handler, in a fresh process
 * of its own so that its peak memory (VmHWM) is this download's: a warm-up
 * request first (modules loaded, the pool connected; answered 304, no body),
 * then the whole body read to its last byte and timed.
 */
const input = JSON.parse(process.argv[2]!) as StreamInput;
Object.assign(process.env, input.env);
const { GET } = await import("../../app/phonebook/[secret]/[format]/route");
const call = (headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost:3000/phonebook/${input.secret}/${input.format}`, { headers }), {
    params: Promise.resolve({ secret: input.secret, format: input.format }),
  });
const status = (field: string) => Number(readFileSync("/proc/self/status", "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"))![1]) / 1024;

const warm = await call();
const etag = warm.headers.get("etag")!;
await warm.body?.cancel();
if ((await call({ "if-none-match": etag })).status !== 304) throw new Error("warm-up: no 304");
const idleRssMib = status("VmRSS");

const started = performance.now();
const response = await call();
if (response.status !== 200) throw new Error(`status ${response.status}`);
let bytes = 0;
for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
const ms = performance.now() - started;
process.send!({ type: "done", ms, bytes, peakRssMib: status("VmHWM"), idleRssMib } satisfies StreamMessage, () => process.exit(0));
