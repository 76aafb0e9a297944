import "server-only";
import type IORedis from "ioredis";
import { env } from "@/lib/env";
import { sharedRedis } from "@/lib/redis/shared-redis";
import type { BudgetKey, GraphBudget } from "./graph-budget";
import { appRequestsPerWindow, budgetShare, budgetWindowMs, tenantResourceUnits } from "./tenant-quota";

/**
 * token-bucket.ts's steps in one Lua script, so that taking from a bucket is
 * atomic across every process and machine, on Redis's clock (TIME), not each
 * machine's. KEYS: the (app, tenant) bucket and the app's own bucket (hash
 * tagged by app so both live on one cluster slot). Answers 0 when the units
 * were spent, else the milliseconds to wait before asking again.
 */
const takeScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[3])
local function level(key, capacity)
  local v = redis.call('HMGET', key, 'tokens', 'at', 'pausedUntil')
  local tokens = tonumber(v[1])
  if not tokens then return capacity, 0 end
  local elapsed = math.max(0, now - tonumber(v[2]))
  return math.min(capacity, tokens + elapsed * capacity / window), tonumber(v[3]) or 0
end
local cost, capacity, appCapacity = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
local tokens, pausedUntil = level(KEYS[1], capacity)
local appTokens = level(KEYS[2], appCapacity)
local wait = 0
if pausedUntil > now then wait = pausedUntil - now end
if tokens < cost then wait = math.max(wait, math.ceil((cost - tokens) * window / capacity)) end
if appTokens < 1 then wait = math.max(wait, math.ceil((1 - appTokens) * window / appCapacity)) end
if wait > 0 then return wait end
redis.call('HSET', KEYS[1], 'tokens', tokens - cost, 'at', now)
redis.call('HSET', KEYS[2], 'tokens', appTokens - 1, 'at', now)
redis.call('PEXPIRE', KEYS[1], window * 2)
redis.call('PEXPIRE', KEYS[2], window * 2)
return 0
`;

/** A 429's Retry-After: the bucket is empty until the pause ends, for every process. */
const pauseScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilAt = math.max(tonumber(redis.call('HGET', KEYS[1], 'pausedUntil') or '0'), now + tonumber(ARGV[1]))
redis.call('HSET', KEYS[1], 'pausedUntil', untilAt, 'tokens', 0, 'at', untilAt)
redis.call('PEXPIRE', KEYS[1], untilAt - now + tonumber(ARGV[2]) * 2)
return untilAt - now
`;

type BudgetCommands = IORedis & {
  graphBudgetTake(tenantKey: string, appKey: string, cost: number, capacity: number, windowMs: number, appCapacity: number): Promise<number>;
  graphBudgetPause(tenantKey: string, ms: number, windowMs: number): Promise<number>;
};

const defined = new WeakSet<IORedis>();

/** The scripts as commands of the shared connection (ioredis sends EVALSHA, and the script once if Redis lacks it). */
function commands(): BudgetCommands {
  const redis = sharedRedis();
  if (!defined.has(redis)) {
    redis.defineCommand("graphBudgetTake", { numberOfKeys: 2, lua: takeScript });
    redis.defineCommand("graphBudgetPause", { numberOfKeys: 1, lua: pauseScript });
    defined.add(redis);
  }
  return redis as BudgetCommands;
}

export function redisGraphBudget({ clientId, tenantId, tenantUsers }: BudgetKey): GraphBudget {
  const capacity = tenantResourceUnits(tenantUsers) * budgetShare();
  const appKey = `${env().QUEUE_PREFIX}:graph-budget:{${clientId}}`;
  const tenantKey = `${appKey}:${tenantId}`;
  return {
    async take(cost) {
      const started = Date.now();
      for (let asked = 0; ; asked++) {
        const wait = await commands().graphBudgetTake(
          tenantKey,
          appKey,
          Math.min(cost, capacity),
          capacity,
          budgetWindowMs,
          appRequestsPerWindow * budgetShare(),
        );
        // Granted at the first ask is no wait, however long the ask took.
        if (wait === 0) return asked === 0 ? 0 : Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
    async pause(ms) {
      await commands().graphBudgetPause(tenantKey, ms, budgetWindowMs);
    },
  };
}
