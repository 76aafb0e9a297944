import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Every Prometheus metric the portal exports, defined once. Web and worker
 * processes each hold their own registry (a counter counts what its process
 * did); Prometheus adds them up across instances. Tenant labels are Entra
 * tenant IDs (public, not secrets); customers are never labels.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: "switchboard_" });

const registers = [metricsRegistry];
const waitBuckets = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600];

export const syncRunsTotal = new Counter({
  name: "switchboard_sync_runs_total",
  help: "Sync job attempts by outcome (succeeded, needs_confirmation, failed, retrying, skipped).",
  labelNames: ["outcome"] as const,
  registers,
});

export const syncRunSeconds = new Histogram({
  name: "switchboard_sync_run_duration_seconds",
  help: "How long a sync job attempt ran in this worker, by outcome.",
  labelNames: ["outcome"] as const,
  buckets: [0.25, 1, 2.5, 5, 10, 30, 60, 180, 600, 1800],
  registers,
});

export const syncQueueWaitSeconds = new Histogram({
  name: "switchboard_sync_queue_wait_seconds",
  help: "From when a sync job was due to when a worker took it.",
  buckets: waitBuckets,
  registers,
});

export const syncQueueJobs = new Gauge({
  name: "switchboard_sync_queue_jobs",
  help: "Sync jobs in the queue by state (read from the queue at scrape time).",
  labelNames: ["state"] as const,
  registers,
});

export const syncPageWriteSeconds = new Histogram({
  name: "switchboard_sync_page_write_seconds",
  help: "Time to write one page of a sync run (one statement).",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
});

export const graphRequestsTotal = new Counter({
  name: "switchboard_graph_requests_total",
  help: "Requests sent to Microsoft Graph, per tenant bucket (the Entra tenant ID).",
  labelNames: ["tenant"] as const,
  registers,
});

export const graphThrottledTotal = new Counter({
  name: "switchboard_graph_throttled_total",
  help: "429 answers from Microsoft Graph, per tenant bucket.",
  labelNames: ["tenant"] as const,
  registers,
});

export const graphBudgetWaitsTotal = new Counter({
  name: "switchboard_graph_budget_waits_total",
  help: "Graph requests that waited for their tenant's budget (our own limiter, or a shared Retry-After pause).",
  labelNames: ["tenant"] as const,
  registers,
});

export const graphBudgetWaitSeconds = new Counter({
  name: "switchboard_graph_budget_wait_seconds_total",
  help: "Seconds Graph requests waited for their tenant's budget.",
  labelNames: ["tenant"] as const,
  registers,
});
