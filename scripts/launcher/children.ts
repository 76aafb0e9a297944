import { spawn, type ChildProcess } from "node:child_process";
import { defaultRestartPolicy, RestartBackoff, type RestartPolicy } from "./restart-policy";

type ChildSpec = { name: string; command: string; args: string[]; env: Record<string, string | undefined> };

type Slot = {
  spec: ChildSpec;
  backoff: RestartBackoff;
  process?: ChildProcess;
  startedAt: number;
  restartTimer?: NodeJS.Timeout;
};

export type ChildrenOptions = {
  /** Called once, when every child has stopped after stop(): the launcher exits with `code`. */
  onAllStopped: (code: number) => void;
  restartPolicy?: RestartPolicy;
  /** How long stop() waits for SIGTERM before SIGKILL: a child that ignores it must not keep the launcher alive. */
  killAfterMs?: number;
  /** Where the launcher says what happened; the console by default. */
  say?: (line: string) => void;
};

/**
 * The processes the launcher runs (web, worker). One that stops on its own is
 * started again after a growing delay (see restart-policy.ts), and the others
 * keep running: a crashed worker must not take the web down with it. Only a
 * child that cannot stay up stops the whole portal, saying why. stop() (the
 * launcher's SIGINT/SIGTERM) stops everything and restarts nothing.
 */
export class Children {
  private readonly slots = new Map<string, Slot>();
  private stopping = false;
  private finished = false;
  private exitCode = 0;
  private killTimer?: NodeJS.Timeout;
  private readonly options: Required<ChildrenOptions>;

  constructor(options: ChildrenOptions) {
    this.options = { restartPolicy: defaultRestartPolicy, killAfterMs: 10_000, say: (line) => console.error(line), ...options };
  }

  start(name: string, command: string, args: string[], env: Record<string, string | undefined>): void {
    if (this.slots.has(name)) throw new Error(`A child named ${name} is already running.`);
    const slot: Slot = { spec: { name, command, args, env }, backoff: new RestartBackoff(this.options.restartPolicy), startedAt: 0 };
    this.slots.set(name, slot);
    this.spawn(slot);
  }

  /** The process id of the child running under this name, if one is. */
  pidOf(name: string): number | undefined {
    return this.slots.get(name)?.process?.pid;
  }

  stop(code = 0): void {
    if (this.stopping) return;
    this.stopping = true;
    this.exitCode = code;
    for (const slot of this.slots.values()) clearTimeout(slot.restartTimer);
    const running = this.running();
    if (running.length === 0) return this.finish();
    for (const child of running) child.kill("SIGTERM");
    this.killTimer = setTimeout(() => {
      for (const child of this.running()) child.kill("SIGKILL");
      this.finish();
    }, this.options.killAfterMs);
    this.killTimer.unref();
  }

  private spawn(slot: Slot): void {
    const { name, command, args, env } = slot.spec;
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env: env as NodeJS.ProcessEnv });
    slot.process = child;
    slot.startedAt = Date.now();
    let ended = false;
    const onEnd = (code: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return;
      ended = true;
      slot.process = undefined;
      this.exited(slot, code, signal);
    };
    child.on("exit", onEnd);
    // A command that cannot be started at all (ENOENT, EACCES) has no "exit" to report.
    child.on("error", (error) => {
      if (child.pid === undefined) {
        this.options.say(`${name} could not be started: ${error.message}`);
        onEnd(null, null);
      }
    });
  }

  private exited(slot: Slot, code: number | null, signal: NodeJS.Signals | null): void {
    const { name } = slot.spec;
    if (this.stopping) {
      if (this.running().length === 0) this.finish();
      return;
    }
    const how = signal ? `killed by ${signal}` : code === null ? "did not start" : `exit code ${code}`;
    const decision = slot.backoff.crashed(slot.startedAt, Date.now());
    if (!decision.restart) {
      this.options.say(
        `${name} stopped (${how}) and cannot stay up: ${decision.crashes} crashes within ${seconds(decision.withinMs)}. Stopping the portal; see ${name}'s messages above.`,
      );
      this.stop(code || 1);
      return;
    }
    this.options.say(
      `${name} stopped unexpectedly (${how}); restarting it in ${seconds(decision.delayMs)} (attempt ${decision.attempt}). The other processes keep running.`,
    );
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (!this.stopping) this.spawn(slot);
    }, decision.delayMs);
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.killTimer);
    this.options.onAllStopped(this.exitCode);
  }

  private running(): ChildProcess[] {
    return [...this.slots.values()].flatMap((slot) => (slot.process ? [slot.process] : []));
  }
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
