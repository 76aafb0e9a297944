import { readdirSync, readFileSync } from "node:fs";
import { createCompany, expect, signInWithForm, test } from "./support/fixtures";
import { connectAndSync, createEntraTenant } from "./support/microsoft-tenant";

/** The processes below `root` (from /proc), with their command lines. */
function descendants(root: number): { pid: number; command: string }[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: { pid: number; command: string }[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const parent = pending.pop()!;
    for (const [pid, ppid] of parents) {
      if (ppid !== parent) continue;
      pending.push(pid);
      try {
        found.push({ pid, command: readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ") });
      } catch {
        // Gone already.
      }
    }
  }
  return found;
}

// Playwright's runner started the portal (webServer) and this test's process: the worker is below it.
const workerPids = () =>
  descendants(process.ppid)
    .filter((p) => p.command.includes("workers/sync-worker.ts"))
    .map((p) => p.pid);

test("a crashed worker is restarted by the launcher while the web keeps answering, and runs the next sync", async ({ context, page, request }) => {
  test.setTimeout(120_000);
  const [worker] = workerPids();
  expect(worker, "the portal's worker process").toBeDefined();
  process.kill(worker!, "SIGKILL");

  // The web is untouched: it answers while the worker is down and being restarted.
  for (let i = 0; i < 5; i++) expect((await request.get("/api/health")).status()).toBe(200);
  await expect(async () => {
    const now = workerPids();
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(worker);
  }).toPass({ timeout: 30_000 });

  // The new worker does the work: a sync runs to its end.
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  const tenant = await createEntraTenant(["Rosa Restart", "Omar Again"]);
  await connectAndSync(page, tenant);
  await expect(page.getByText(/2 created, 0 updated/)).toBeVisible();
});
