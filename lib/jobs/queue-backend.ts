import "server-only";
import { Queue, Worker, createPostgresBackend, withBackend, type Processor, type WorkerOptions } from "bullmq";
import IORedis from "ioredis";
import { env } from "@/lib/env";

/**
 * BullMQ on Redis when REDIS_URL is set (production), otherwise on BullMQ's
 * PostgreSQL backend in the portal's own database (the embedded default).
 * Job code never knows which: it gets a Queue and a Worker from here.
 */
export function usesRedis(): boolean {
  return Boolean(env().REDIS_URL);
}

const postgres = () => ({ connectionString: env().DATABASE_URL, max: 4, migrate: true });

export function createQueue<Data>(name: string): Queue<Data> {
  if (usesRedis()) {
    // Producers give up quickly when Redis is down, so a click gets an answer instead of hanging.
    return new Queue<Data>(name, { prefix: env().QUEUE_PREFIX, connection: new IORedis(env().REDIS_URL!, { maxRetriesPerRequest: 1 }) });
  }
  const { Queue: PgQueue } = withBackend(createPostgresBackend);
  return new PgQueue<Data>(name, { connection: postgres() }) as unknown as Queue<Data>;
}

export function createWorker<Data>(name: string, processor: Processor<Data>, opts: Omit<WorkerOptions, "connection">): Worker<Data> {
  if (usesRedis()) {
    // Workers block on Redis; BullMQ requires maxRetriesPerRequest: null for them.
    return new Worker<Data>(name, processor, {
      ...opts,
      prefix: env().QUEUE_PREFIX,
      connection: new IORedis(env().REDIS_URL!, { maxRetriesPerRequest: null }),
    });
  }
  const { Worker: PgWorker } = withBackend(createPostgresBackend);
  /**
   * A worker waits for new jobs on LISTEN/NOTIFY, which PGlite's shared session
   * does not deliver to it, so it must wake by itself and look. With an empty
   * queue it wakes every drainDelay seconds (kept short: the default 5 s would
   * delay every click); but with a delayed job waiting (tomorrow's scheduled
   * run) BullMQ sleeps until that job is due, up to an hour, and a One-time
   * Sync queued meanwhile waited with it. Both waits are capped at a second.
   */
  class PollingWorker extends PgWorker<Data> {
    override get maximumBlockTimeout(): number {
      return 1;
    }
  }
  return new PollingWorker(name, processor, { drainDelay: 1, ...opts, connection: postgres() }) as unknown as Worker<Data>;
}
