import { afterEach, describe, expect, it } from "vitest";
import { Children } from "@/scripts/launcher/children";
import type { RestartPolicy } from "@/scripts/launcher/restart-policy";

/**
 * Real child processes (small Node scripts, not the portal) through the
 * launcher's Children, with delays of milliseconds so the test stays fast.
 */
const stayUp = ["-e", "setInterval(() => {}, 1000)"];
const crashAtOnce = ["-e", "process.exit(3)"];
const fast: RestartPolicy = { firstDelayMs: 50, maxDelayMs: 200, stableAfterMs: 60_000, maxCrashes: 3, windowMs: 60_000 };

let children: Children | undefined;
afterEach(async () => {
  children?.stop(0);
  children = undefined;
});

function launch(restartPolicy: RestartPolicy) {
  const said: string[] = [];
  let stoppedWith: number | undefined;
  const allStopped = new Promise<number>((resolve) => {
    children = new Children({ restartPolicy, killAfterMs: 5_000, say: (line) => said.push(line), onAllStopped: (code) => resolve((stoppedWith = code)) });
  });
  return { children: children!, said, allStopped, stopped: () => stoppedWith };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the launcher's children", () => {
  it("restarts a worker killed with SIGKILL, says so, and the web keeps running", async () => {
    const { children, said, stopped } = launch(fast);
    children.start("web", process.execPath, stayUp, process.env);
    children.start("worker", process.execPath, stayUp, process.env);
    const web = children.pidOf("web")!;
    const worker = children.pidOf("worker")!;

    process.kill(worker, "SIGKILL");
    const restarted = await until("the worker to be restarted", () => {
      const pid = children.pidOf("worker");
      return pid !== undefined && pid !== worker ? pid : undefined;
    });

    expect(said).toEqual(["worker stopped unexpectedly (killed by SIGKILL); restarting it in 50 ms (attempt 1). The other processes keep running."]);
    expect(alive(restarted)).toBe(true);
    expect(children.pidOf("web")).toBe(web);
    expect(alive(web)).toBe(true);
    expect(stopped()).toBeUndefined();

    // Killed again at once: the delay doubles.
    process.kill(restarted, "SIGKILL");
    await until("the second restart", () => {
      const pid = children.pidOf("worker");
      return pid !== undefined && pid !== restarted ? pid : undefined;
    });
    expect(said[1]).toBe("worker stopped unexpectedly (killed by SIGKILL); restarting it in 100 ms (attempt 2). The other processes keep running.");
    expect(children.pidOf("web")).toBe(web);
  });

  it("stops the whole portal, with a clear message, when a child cannot stay up", async () => {
    const { children, said, allStopped } = launch(fast);
    children.start("web", process.execPath, stayUp, process.env);
    const web = children.pidOf("web")!;
    children.start("worker", process.execPath, crashAtOnce, process.env);

    expect(await allStopped).toBe(3);
    expect(said).toEqual([
      "worker stopped unexpectedly (exit code 3); restarting it in 50 ms (attempt 1). The other processes keep running.",
      "worker stopped unexpectedly (exit code 3); restarting it in 100 ms (attempt 2). The other processes keep running.",
      "worker stopped unexpectedly (exit code 3); restarting it in 200 ms (attempt 3). The other processes keep running.",
      "worker stopped (exit code 3) and cannot stay up: 4 crashes within 60 s. Stopping the portal; see worker's messages above.",
    ]);
    await until("the web to be stopped", () => (alive(web) ? undefined : true));
  });

  it("restarts nothing once stopped, even a child waiting for its restart", async () => {
    const { children, said, allStopped } = launch({ ...fast, firstDelayMs: 300 });
    children.start("web", process.execPath, stayUp, process.env);
    children.start("worker", process.execPath, stayUp, process.env);
    const web = children.pidOf("web")!;
    process.kill(children.pidOf("worker")!, "SIGKILL");
    await until("the crash to be noticed", () => (said.length > 0 ? true : undefined));

    children.stop(0);
    expect(await allStopped).toBe(0);
    expect(alive(web)).toBe(false);
    // Past the restart delay: still nothing running and nothing more said.
    await new Promise((r) => setTimeout(r, 500));
    expect(children.pidOf("worker")).toBeUndefined();
    expect(said).toHaveLength(1);
  });
});

describe("a command that cannot be started at all", () => {
  it("is retried like a crash and, failing every time, stops the portal", async () => {
    const { children, said, allStopped } = launch({ ...fast, maxCrashes: 1 });
    children.start("worker", "/nonexistent/switchboard-worker", [], process.env);
    expect(await allStopped).toBe(1);
    expect(said).toEqual([
      "worker could not be started: spawn /nonexistent/switchboard-worker ENOENT",
      "worker stopped unexpectedly (did not start); restarting it in 50 ms (attempt 1). The other processes keep running.",
      "worker could not be started: spawn /nonexistent/switchboard-worker ENOENT",
      "worker stopped (did not start) and cannot stay up: 2 crashes within 60 s. Stopping the portal; see worker's messages above.",
    ]);
  });
});
