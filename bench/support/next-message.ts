import type { ChildProcess } from "node:child_process";

/**
 * The next IPC message of a given type from a forked child. Rejects if the
 * child exits first, so a crashed helper process fails the benchmark instead
 * of hanging it.
 */
export function nextMessage<M extends { type: string }, T extends M["type"]>(child: ChildProcess, type: T): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: M) => {
      if (message.type !== type) return;
      cleanUp();
      resolve(message as Extract<M, { type: T }>);
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanUp();
      reject(new Error(`${child.spawnfile} child exited (${signal ?? code}) before sending "${type}"`));
    };
    const cleanUp = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}
