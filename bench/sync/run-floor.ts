import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nextMessage } from "../support/next-message";
import type { FloorInput, FloorMessage } from "./bench-protocol";

/** One floor measurement in a fresh process (see floor-process.ts). */
export async function runFloor(input: FloorInput): Promise<FloorMessage> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "floor-process.ts");
  const child = fork(script, [JSON.stringify(input)], { execArgv: ["--conditions=react-server", "--import", "tsx"] });
  return nextMessage<FloorMessage, "done">(child, "done");
}
