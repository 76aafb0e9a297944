import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { graphRequestCost } from "@/lib/entra/budget/graph-request-cost";
import { localGraphBudget } from "@/lib/entra/budget/local-graph-budget";
import { tenantResourceUnits } from "@/lib/entra/budget/tenant-quota";
import { emptyBucket, pauseBucket, takeTokens } from "@/lib/entra/budget/token-bucket";

describe("what a Graph request costs (Microsoft's identity-service figures)", () => {
  it.each([
    ["GET", "https://graph.microsoft.com/v1.0/users", 2],
    ["GET", "https://graph.microsoft.com/v1.0/users?$select=id,displayName&$top=999", 1],
    ["GET", "https://graph.microsoft.com/v1.0/users/delta?$select=id", 1],
    ["GET", "https://graph.microsoft.com/v1.0/users/$count?$filter=startswith(userPrincipalName,'a')", 1],
    ["GET", "https://graph.microsoft.com/v1.0/groups/42/members", 3],
    ["GET", "https://graph.microsoft.com/v1.0/groups/42/transitiveMembers/microsoft.graph.user?$select=id", 4],
    ["GET", "https://graph.microsoft.com/v1.0/groups/42/transitiveMembers?$expand=manager", 6],
    ["GET", "https://graph.microsoft.com/v1.0/users?$top=5", 1],
    ["GET", "https://graph.microsoft.com/v1.0/organization", 1],
    ["POST", "https://graph.microsoft.com/v1.0/users", 1],
    ["GET", "/v1.0/users?$top=%00&$select=%ED%A0%80", 1],
  ])("%s %s costs %i", (method, url, cost) => {
    expect(graphRequestCost(method, url)).toBe(cost);
  });

  it("sizes the tenant's quota as Microsoft does: under 50, 50–500, above 500; unknown counts as small", () => {
    expect([null, 0, 49, 50, 500, 501, 100_000].map(tenantResourceUnits)).toEqual([3500, 3500, 3500, 5000, 5000, 8000, 8000]);
  });
});

describe("the token bucket", () => {
  it("spends whole or not at all, says how long until enough is back, and refills over the window", () => {
    const state = emptyBucket(100);
    expect(takeTokens([{ state, capacity: 100, cost: 60 }], 1000, 10_000)).toBe(0);
    expect(takeTokens([{ state, capacity: 100, cost: 60 }], 1000, 10_000)).toBe(2000); // 40 left, 20 more at 10 a second
    expect(state.tokens).toBe(40);
    expect(takeTokens([{ state, capacity: 100, cost: 60 }], 3000, 10_000)).toBe(0);
  });

  it("never grants more than its capacity within a window, however the asks are spread", () => {
    const state = emptyBucket(50);
    let granted = 0;
    for (let now = 0; now < 10_000; now += 7) if (takeTokens([{ state, capacity: 50, cost: 3 }], now, 10_000) === 0) granted += 3;
    expect(granted).toBeLessThanOrEqual(100); // a full bucket, plus one window's refill
  });

  it("a pause empties the bucket until it ends; a shorter pause never cuts a longer one short", () => {
    const state = emptyBucket(100);
    pauseBucket(state, 0, 600);
    pauseBucket(state, 0, 100);
    expect(takeTokens([{ state, capacity: 100, cost: 1 }], 300, 10_000)).toBe(300);
    expect(takeTokens([{ state, capacity: 100, cost: 1 }], 700, 10_000)).toBe(0);
  });
});

describe("the process-local budget (the embedded demo's)", () => {
  // The budget reads GRAPH_BUDGET_SHARE through lib/env, which wants the two settings every process has.
  process.env.DATABASE_URL ??= "postgres://unused@127.0.0.1/unused";
  process.env.NEXTAUTH_SECRET ??= "unit-tests-secret-of-at-least-32-characters";

  it("holds every request of the (app, tenant) pair while Graph's Retry-After runs, not another tenant's", async () => {
    const clientId = randomUUID();
    const paused = localGraphBudget({ clientId, tenantId: "paused", tenantUsers: null });
    const other = localGraphBudget({ clientId, tenantId: "other", tenantUsers: null });
    await paused.pause(80);
    const done: string[] = [];
    const [a, b] = await Promise.all([
      localGraphBudget({ clientId, tenantId: "paused", tenantUsers: null })
        .take(1)
        .finally(() => done.push("paused, another client")),
      paused.take(1).finally(() => done.push("paused")),
      other.take(1).finally(() => done.push("other")),
    ]);
    expect(a).toBeGreaterThanOrEqual(70);
    expect(b).toBeGreaterThanOrEqual(70);
    expect(done[0]).toBe("other");
  });
});
