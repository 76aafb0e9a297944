import { afterAll, describe, expect, it } from "vitest";

// Read by lib/env.ts on first use, which comes after these lines (the imports below are dynamic).
process.env.METRICS_TOKEN = "metrics-token-for-the-tests";
process.env.WORKER_METRICS_PORT = "0";
process.env.WORKER_METRICS_HOST = "127.0.0.1";

const { GET: health } = await import("@/app/api/health/route");
const { GET: live } = await import("@/app/api/health/live/route");
const { GET: metrics } = await import("@/app/metrics/route");
const { serveWorkerMetrics } = await import("@/lib/metrics/serve-worker-metrics");

const scrape = (authorization?: string) =>
  metrics(new Request("http://portal.test/metrics", { headers: authorization === undefined ? {} : { authorization } }));

describe("health: live and ready", () => {
  it("is live without asking anything, and ready when the database and the queue answer", async () => {
    expect((await live()).status).toBe(200);
    const ready = await health();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", live: true, ready: true, database: "ok", queue: "ok" });
  });
});

describe("/metrics on the web", () => {
  it("answers Prometheus's text with the bearer token: queue depth by state, runs, Graph per tenant, process figures", async () => {
    const answer = await scrape("Bearer metrics-token-for-the-tests");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    for (const name of [
      'switchboard_sync_queue_jobs{state="waiting"}',
      "switchboard_sync_runs_total",
      "switchboard_sync_run_duration_seconds",
      "switchboard_sync_queue_wait_seconds",
      "switchboard_sync_page_write_seconds",
      "switchboard_graph_requests_total",
      "switchboard_graph_throttled_total",
      "switchboard_graph_budget_waits_total",
      "switchboard_process_resident_memory_bytes",
    ])
      expect(text).toContain(name);
  });

  it.each([
    ["no header", undefined],
    ["another token", "Bearer another-token-of-some-length"],
    ["the token without Bearer", "metrics-token-for-the-tests"],
    ["Basic", `Basic ${Buffer.from("metrics:metrics-token-for-the-tests").toString("base64")}`],
    ["a huge token", `Bearer ${"x".repeat(100_000)}`],
    ["a prefix of the token", "Bearer metrics-token"],
  ])("refuses %s with 401 and no figures", async (_, authorization) => {
    const answer = await scrape(authorization);
    expect(answer.status).toBe(401);
    expect(await answer.text()).not.toContain("switchboard_");
  });
});

describe("/metrics on the worker's listener", () => {
  let server: Awaited<ReturnType<typeof serveWorkerMetrics>>;
  afterAll(() => server?.close());

  it("serves GET /metrics with the token and nothing else", async () => {
    server = await serveWorkerMetrics();
    const address = server!.address();
    const base = `http://127.0.0.1:${typeof address === "object" ? address!.port : 0}`;
    const withToken = { headers: { authorization: "Bearer metrics-token-for-the-tests" } };
    const ok = await fetch(`${base}/metrics`, withToken);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("switchboard_sync_runs_total");
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/`, withToken)).status).toBe(404);
    expect((await fetch(`${base}/metrics/../etc/passwd`, withToken)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { ...withToken, method: "POST", body: "x" })).status).toBe(404);
  });
});
