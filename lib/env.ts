import { z } from "zod";
import { outboundAllowSetting } from "./env/outbound-allow-setting";
import { parseTrustedProxies } from "./env/trusted-proxies";
import { parseEnv } from "./config/parse-env";
import { logLevelSetting } from "./logging/log-settings";

/**
 * Every setting the portal reads, validated once. Modules call `env()` rather
 * than reading `process.env`, so a missing or malformed variable fails with a
 * message that names it instead of surfacing later as an odd error.
 *
 * The launcher (`npm start`) fills DATABASE_URL and NEXTAUTH_SECRET for the
 * embedded default, so inside the web and worker processes they are required.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "must be a postgres:// connection URL" }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  REDIS_URL: z.string().url().optional(),
  // Namespace of the queues in Redis, so several portals (or test runs) can share one server.
  QUEUE_PREFIX: z
    .string()
    .regex(/^[\w-]+$/)
    .default("switchboard"),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.string().url().optional(),
  // "id:base64key,…" (32-byte keys); the first seals, all open. See lib/secrets/secret-box.ts.
  ENCRYPTION_KEYS: z.string().optional(),
  // Where Microsoft lives. Unset in production (Microsoft's real hosts);
  // pointed at the local emulator for the demo and the tests.
  ENTRA_AUTHORITY_HOST: z.string().url().default("https://login.microsoftonline.com"),
  GRAPH_BASE_URL: z.string().url().default("https://graph.microsoft.com"),
  // First retry of a failed sync job after this long, doubling each time.
  SYNC_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(30_000),
  // Listings of /users read at once by an Entra full round (lib/connectors/entra/sharded-round.ts); 0 reads it as one delta walk.
  SYNC_SHARDS: z.coerce.number().int().min(0).max(32).default(8),
  // People's worth of listing pages a worker process holds at once (each until written), all its runs together (listing-budget.ts).
  SYNC_PEOPLE_IN_FLIGHT: z.coerce.number().int().min(1).default(2000),
  // Connections the web and worker keep to one host, Graph's included (lib/net/capped-connections.ts).
  CONNECTIONS_PER_HOST: z.coerce.number().int().min(1).max(4096).default(128),
  // How long a worker's claim on a job lasts; a killed worker's job is retried after about this long.
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).default(30_000),
  // Sync jobs one worker process runs at once. A run mostly waits on Graph (hundreds of ms a page), so a process
  // holds many; each job writes through the process's DATABASE_POOL_SIZE connections, which they share.
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  // A scheduled run starts up to this long after its chosen time (a fixed offset per company), so that the
  // companies that keep the default time are not all due in the same second.
  SCHEDULE_JITTER_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  // The share of Graph's per-tenant quota the portal spends (lib/entra/budget/): below 1 for headroom, as Graph's
  // clock and the network's jitter are not ours. Lower it if something else uses the customers' app registrations.
  GRAPH_BUDGET_SHARE: z.coerce.number().min(0.001).max(1).default(0.9),
  // Bearer token Prometheus sends to /metrics (web) and the worker's metrics listener; unset, both are off.
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Where a worker serves /metrics (only with METRICS_TOKEN); 0 picks a free port.
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  WORKER_METRICS_HOST: z.string().trim().min(1).default("0.0.0.0"),
  LOG_LEVEL: logLevelSetting,
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // Caller-ID lookups a customer's key may make a minute (a PBX asks once per incoming call).
  CALLER_ID_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // Phonebook requests (a download, an LDAP bind or search) a credential may make a minute: every phone of the company
  // shares it, refreshing every few hours and searching as people type.
  PHONEBOOK_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  // Where phones reach the LDAP phonebook (workers/ldap-phonebook): LDAPS, and plain LDAP that must StartTLS first.
  // The host name phones are given is PHONEBOOK_LDAP_PUBLIC_HOST, else the portal's own (NEXTAUTH_URL's).
  PHONEBOOK_LDAPS_PORT: z.coerce.number().int().min(1).max(65535).default(6636),
  PHONEBOOK_LDAP_PORT: z.coerce.number().int().min(1).max(65535).default(6389),
  PHONEBOOK_LDAP_PUBLIC_HOST: z.string().trim().min(1).optional(),
  // The portal's address as the internet reaches it (https://portal.example). Graph sends change notifications
  // to <PUBLIC_URL>/api/graph/notifications; without it real time is off and the MS AAD screen says why.
  PUBLIC_URL: z
    .string()
    .url()
    .transform((value) => value.replace(/\/+$/, ""))
    .optional(),
  // How long change notifications are gathered before one delta run takes them all (lib/realtime).
  REALTIME_DEBOUNCE_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
  // Webhooks: a delivery's first retry after this long, doubling each time, this many attempts in all; how long a
  // receiver has to answer; and how long an endpoint may fail without a success before it is disabled.
  WEBHOOK_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(10_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(15),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  WEBHOOK_DISABLE_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 60),
  OUTBOUND_ALLOW: outboundAllowSetting, // which internal networks customer-given servers may be on: lib/env/outbound-allow-setting.ts
  // Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For names the client; none by default.
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(schema);
  return cached;
}
