import { describe, expect, it } from "vitest";
import { FaultInjector } from "@/emulator/faults/fault-injector";
import { resourceUnitCost } from "@/emulator/graph/resource-unit-cost";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet } from "./support/graph-http";

/** What a fleet of customers needs of the emulator: many tenants at once, Graph's pace, Graph's resource-unit throttling. */
describe("the emulator for a fleet", () => {
  const emulator = useEmulator();

  it("creates hundreds of small tenants in one call, each with its users and an app that may read them", async () => {
    const sizes = Array.from({ length: 300 }, (_, i) => 1 + (i % 7));
    const tenants = await emulator().admin.createTenants({ sizes, seed: "fleet" });
    expect(tenants).toHaveLength(300);
    expect(new Set(tenants.map((t) => t.tenantId)).size).toBe(300);
    const last = tenants.at(-1)!;
    const token = await appToken(emulator(), last.tenantId, last.clientId, last.clientSecret);
    const users = await graphGet(emulator(), "/v1.0/users?$select=id", token);
    expect(users.status).toBe(200);
    expect(users.body.value).toHaveLength(last.userCount);
  });

  it("refuses a batch that is too large or malformed, creating nothing", async () => {
    const before = (await emulator().admin.listTenants()).length;
    for (const body of [
      { sizes: [], seed: "x" },
      { sizes: Array(5001).fill(1), seed: "x" },
      { sizes: [-1], seed: "x" },
      { sizes: [1], seed: "" },
    ])
      await expect(emulator().admin.createTenants(body)).rejects.toThrow();
    expect((await emulator().admin.listTenants()).length).toBe(before);
  });

  it("draws each request's latency from a distribution around its median, not a constant", () => {
    const faults = new FaultInjector();
    faults.set({ latency: { medianMs: 200, sigma: 0.5 } });
    const samples = Array.from({ length: 2000 }, () => faults.latencyMs).sort((a, b) => a - b);
    const median = samples[1000]!;
    expect(median).toBeGreaterThan(170);
    expect(median).toBeLessThan(230);
    expect(samples[1900]!).toBeGreaterThan(median * 1.6); // a tail, as Graph's has
    expect(Math.max(...samples)).toBeLessThanOrEqual(2000);
  });

  it("charges Graph's resource units per request and throttles the (app, tenant) pair past its quota, not another tenant", async () => {
    const [busy, quiet] = await emulator().admin.createTenants({ sizes: [5, 5], seed: "units", faults: { resourceUnits: { perTenSeconds: 6 } } });
    const busyToken = await appToken(emulator(), busy!.tenantId, busy!.clientId, busy!.clientSecret);
    const quietToken = await appToken(emulator(), quiet!.tenantId, quiet!.clientId, quiet!.clientSecret);
    // /users costs 2 (with $select 1): three full listings spend the 6 units, the fourth is refused.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphGet(emulator(), "/v1.0/users", busyToken)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const refused = await graphGet(emulator(), "/v1.0/users", busyToken);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ms-throttle-information")).toBe("ResourceUnitLimitExceeded");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await graphGet(emulator(), "/v1.0/users", quietToken)).status).toBe(200);
    const { resourceUnits } = await emulator().admin.getFaults(busy!.tenantId);
    expect(resourceUnits.throttled).toBeGreaterThanOrEqual(1);
    expect(resourceUnits.spent).toBeLessThanOrEqual(6 + 2); // what was there, plus what refilled meanwhile
  });

  it("costs requests as Microsoft's table says", () => {
    const cost = (path: string) => resourceUnitCost("GET", new URL(path, "https://graph.test"));
    expect(cost("/v1.0/users")).toBe(2);
    expect(cost("/v1.0/users?$select=id")).toBe(1);
    expect(cost("/v1.0/users/delta?$select=id")).toBe(1);
    expect(cost("/v1.0/groups/g/members")).toBe(3);
    expect(cost("/v1.0/groups/g/transitiveMembers/microsoft.graph.user")).toBe(5);
    expect(cost("/v1.0/groups/g/transitiveMembers?$expand=x")).toBe(6);
    expect(cost("/v1.0/users?$top=5")).toBe(1);
  });
});
