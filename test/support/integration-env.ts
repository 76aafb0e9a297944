import { inject } from "vitest";

// Runs in each test worker before the tests import anything: the lib reads its
// configuration from the environment, exactly as in the web and worker processes.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.ENTRA_AUTHORITY_HOST = inject("emulatorUrl");
process.env.GRAPH_BASE_URL = inject("emulatorUrl");
process.env.QUEUE_PREFIX = inject("queuePrefix");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-of-at-least-32-chars";
process.env.ENCRYPTION_KEYS ??= `test-2:${Buffer.alloc(32, 2).toString("base64")},test-1:${Buffer.alloc(32, 1).toString("base64")}`;
process.env.SYNC_RETRY_DELAY_MS ??= "200";
process.env.WORKER_LOCK_DURATION_MS ??= "2000";
process.env.LOG_LEVEL ??= "silent";
process.env.WEBHOOK_RETRY_DELAY_MS ??= "20"; // a failed delivery is retried at once, not in 10 s
process.env.OUTBOUND_ALLOW ??= "loopback"; // the test domain controller (Samba) listens on 127.0.0.1
// TEST_QUEUE=redis runs the jobs on Redis (REDIS_URL), otherwise on BullMQ's PostgreSQL backend.
if (process.env.TEST_QUEUE === "redis") process.env.REDIS_URL ??= process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
else delete process.env.REDIS_URL;
