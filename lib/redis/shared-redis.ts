import "server-only";
import IORedis from "ioredis";
import { env } from "@/lib/env";

let client: IORedis | undefined;

/**
 * The process's one Redis connection for short commands (the Graph budgets),
 * apart from BullMQ's. Commands fail after one retry rather than queue while
 * Redis is away, so a caller learns of an outage at once.
 */
export function sharedRedis(): IORedis {
  client ??= new IORedis(env().REDIS_URL!, { maxRetriesPerRequest: 1 });
  return client;
}

export async function closeSharedRedis(): Promise<void> {
  await client?.quit().catch(() => undefined);
  client = undefined;
}
