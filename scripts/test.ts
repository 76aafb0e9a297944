import { ensureCertificates } from "../emulator";
import { ensureChromium } from "./test-steps/chromium";
import { ensureDebianPackages } from "./test-steps/debian-packages";
import { ensureSamba } from "./test-steps/samba";
import { reachable } from "./test-steps/reachable";
import { runStep, startStep, type StepResult } from "./test-steps/run-step";

/**
 * `npm test`: the whole suite — types, lint and format, unit and the emulator
 * first (they fail fastest), then three lanes side by side: integration on
 * real PostgreSQL with jobs on Redis (and a Samba AD domain controller for the
 * LDAP connector); integration on embedded PGlite; the browser tests against
 * the built portal. The first of the last two to end then runs the queue's
 * tests on BullMQ's PostgreSQL backend.
 */
const adminUrl = process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const onCi = process.env.CI === "true";
/**
 * Tests of what only a deployment on a PostgreSQL server does: a fleet of customers on several worker processes,
 * a worker killed or stopped mid-run, and Graph's faults met through the queue's retries. The embedded database
 * serves one `npm start` machine; these run on PostgreSQL with both queue backends instead.
 */
const serverOnlyTests = ["fleet", "worker-process", "faults"];
const vitest = (project: string, report: string, ...files: string[]) => [
  "npx",
  "vitest",
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${report}`,
  ...files,
];

// Every test process that calls the Entra/Graph emulator must trust its CA from the start.
process.env.NODE_EXTRA_CA_CERTS = (await ensureCertificates()).caBundlePath;

const results: StepResult[] = [];
const [postgresUp, redisUp] = await Promise.all([reachable(adminUrl, 5432), reachable(redisUrl, 6379)]);
for (const [up, name, url, variable] of [
  [postgresUp, "PostgreSQL", adminUrl, "TEST_PG_ADMIN_URL"],
  [redisUp, "Redis", redisUrl, "TEST_REDIS_URL"],
] as const) {
  if (!up && onCi) throw new Error(`${name} is not reachable at ${url}; .ci/run should have started it.`);
  if (!up) console.warn(`\n${name} is not reachable at ${url}: its runs are skipped; set ${variable} to include them.`);
}

results.push(await runStep("Type check", ["npx", "tsc", "--noEmit", "-p", "."]));
results.push(await runStep("Lint and format (ESLint, Prettier)", ["npm", "run", "lint"]));
results.push(await runStep("Unit tests", vitest("unit", "test-results/unit.json"), { report: "test-results/unit.json" }));
// The integration and browser tests start a Samba AD domain controller (test/support/samba);
// the LDAP phonebook's tests search it with OpenLDAP's ldapsearch.
ensureSamba();
ensureDebianPackages("/usr/bin/ldapsearch", ["ldap-utils"]);
results.push(await runStep("Entra/Graph emulator tests", vitest("emulator", "test-results/emulator.json"), { report: "test-results/emulator.json" }));
// Three lanes at once from here (the machine's two cores are rarely both busy with one test run), each with its
// own database, queue prefix, emulator and ports; they share the Samba domain controller by lease:
// - integration on real PostgreSQL with jobs on Redis;
// - integration on embedded PGlite (jobs on PostgreSQL), but for what only a PostgreSQL server's deployment does;
// - the portal's production build, then Playwright against it.
// The queue's own tests run again with jobs on BullMQ's PostgreSQL backend after whichever of the last two lanes ends
// first: the suite ends when its longest lane does, and which is shorter depends on the machine (clean-clone CI,
// 2026-11-27: PGlite 1,057 s against 1,299 s for the build and browser tests, then 1,146 s against 1,098 s).
const queueTests = ["concurrency", "schedule", "run-counts", ...serverOnlyTests].map((name) => `test/integration/sync/${name}.test.ts`);
const onPostgresQueue = () =>
  startStep("Queue tests on PostgreSQL, jobs on PostgreSQL", vitest("integration", "test-results/integration-pg-pgqueue.json", ...queueTests), {
    env: { TEST_DB: "postgres", TEST_QUEUE: "postgres" },
    report: "test-results/integration-pg-pgqueue.json",
  });
let queueTestsTaken = false;
const thenQueueTests = async (results: StepResult[]): Promise<StepResult[]> => {
  if (!postgresUp || queueTestsTaken) return results;
  queueTestsTaken = true;
  return [...results, await onPostgresQueue()];
};
const lanes: Promise<StepResult[]>[] = [
  postgresUp && redisUp
    ? startStep("Integration tests on PostgreSQL, jobs on Redis", vitest("integration", "test-results/integration-pg-redis.json"), {
        env: { TEST_DB: "postgres", TEST_QUEUE: "redis", REDIS_URL: redisUrl },
        report: "test-results/integration-pg-redis.json",
      }).then((result) => [result])
    : Promise.resolve([]),
  startStep(
    "Integration tests on embedded PGlite, jobs on PostgreSQL",
    [
      ...vitest("integration", "test-results/integration-pglite.json"),
      ...serverOnlyTests.flatMap((name) => ["--exclude", `test/integration/sync/${name}.test.ts`]),
    ],
    { env: { TEST_DB: "pglite", TEST_QUEUE: "postgres" }, report: "test-results/integration-pglite.json" },
  ).then((result) => thenQueueTests([result])),
  (async () => {
    const build = await startStep("Production build for the browser tests", ["npx", "tsx", "scripts/build-web.ts"]);
    ensureChromium();
    const browser = await startStep("Browser tests (Playwright, Chromium)", ["npx", "playwright", "test"], {
      env: { TEST_DB: postgresUp ? "postgres" : "pglite" },
      report: "test-results/e2e.json",
    });
    return thenQueueTests([build, browser]);
  })(),
];
results.push(...(await Promise.all(lanes)).flat());

console.log("\n=== Summary ===");
for (const r of results) {
  console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s)`);
  for (const failure of r.failures) console.log(`       ✗ ${failure}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
