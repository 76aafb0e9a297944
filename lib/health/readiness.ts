import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directorySyncQueue } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";

export type Readiness = { ready: boolean; database: "ok" | "unavailable"; queue: "ok" | "unavailable" };

/** A check that takes longer than this counts as down: a load balancer must not hang on us. */
const checkTimeoutMs = 2000;

/**
 * Whether this process can serve: its database answers and its job queue
 * (Redis, or the PostgreSQL backend) answers. Liveness is only that the
 * process answers at all (app/api/health/live).
 */
export async function readiness(): Promise<Readiness> {
  const [database, queue] = await Promise.all([
    check("database", () => db().execute(sql`select 1`)),
    check("queue", () => directorySyncQueue().getJobCounts("waiting")),
  ]);
  return { ready: database === "ok" && queue === "ok", database, queue };
}

async function check(name: string, probe: () => Promise<unknown>): Promise<"ok" | "unavailable"> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${checkTimeoutMs} ms`)), checkTimeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return "ok";
  } catch (error) {
    logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, `health: ${name} unavailable`);
    return "unavailable";
  } finally {
    clearTimeout(timer);
  }
}
