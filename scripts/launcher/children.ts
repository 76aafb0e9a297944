import { spawn, type ChildProcess } from "node:child_process";

/**
 * The processes the launcher runs (web, worker, emulator). If one dies the
 * others are stopped too: a half-running portal is worse than a stopped one.
 */
export class Children {
  private readonly running = new Set<ChildProcess>();
  private stopping = false;

  constructor(private readonly onAllStopped: (code: number) => void) {}

  start(name: string, command: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env: env as NodeJS.ProcessEnv });
    this.running.add(child);
    child.on("exit", (code, signal) => {
      this.running.delete(child);
      if (!this.stopping) {
        console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping the portal.`);
        this.stop(code ?? 1);
      } else if (this.running.size === 0) {
        this.onAllStopped(0);
      }
    });
    return child;
  }

  stop(code = 0): void {
    if (this.stopping) return;
    this.stopping = true;
    if (this.running.size === 0) return this.onAllStopped(code);
    for (const child of this.running) child.kill("SIGTERM");
    // A child that ignores SIGTERM is not allowed to keep the launcher alive.
    setTimeout(() => {
      for (const child of this.running) child.kill("SIGKILL");
      this.onAllStopped(code);
    }, 10_000).unref();
  }
}
