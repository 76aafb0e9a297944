import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_TENANT, type EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet } from "./support/graph-http";

/** Fault injection as seen on the wire (the Graph client's reactions are in graph-client-paging.test.ts). */
describe("per-tenant fault injection on Graph", () => {
  const emulator = useEmulator();
  let admin: EmulatorAdmin;
  let token = "";
  let otherToken = "";

  beforeAll(async () => {
    admin = emulator().admin;
    token = await appToken(emulator(), DEMO_TENANT.tenantId, DEMO_TENANT.clientId, DEMO_TENANT.clientSecret);
    const other = (await admin.createTenant({ displayName: "Unaffected" })).id;
    const app = await admin.createApp(other, { displayName: "Other", permissions: ["User.Read.All"], secret: {} });
    otherToken = await appToken(emulator(), other, app.clientId, app.secret!.value);
  });

  it("throttles every request for a time window with 429 TooManyRequests and Retry-After, in that tenant only", async () => {
    await admin.setFaults(DEMO_TENANT.tenantId, { throttle: { forSeconds: 1 } });
    const throttled = await graphGet(emulator(), "/v1.0/users?$top=1", token);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("1");
    expect(throttled.body.error).toMatchObject({ code: "TooManyRequests", message: "Please retry again later." });
    expect(throttled.headers.get("x-ms-throttle-scope")).toContain(DEMO_TENANT.tenantId);
    expect((await graphGet(emulator(), "/v1.0/users?$top=1", otherToken)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await graphGet(emulator(), "/v1.0/users?$top=1", token)).status).toBe(200);
  });

  it("throttles every Nth request, answers a 503 burst, and adds latency", async () => {
    await admin.setFaults(DEMO_TENANT.tenantId, { throttle: { everyNth: 3, retryAfterSeconds: 0 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await graphGet(emulator(), "/v1.0/users?$top=1", token)).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);

    await admin.setFaults(DEMO_TENANT.tenantId, { unavailable: { burst: 2 } });
    const unavailable = await graphGet(emulator(), "/v1.0/users/delta?$deltatoken=latest", token);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.error.code).toBe("serviceNotAvailable");
    expect((await graphGet(emulator(), "/v1.0/organization", token)).status).toBe(503);
    expect((await graphGet(emulator(), "/v1.0/organization", token)).status).toBe(200);

    await admin.setFaults(DEMO_TENANT.tenantId, { latencyMs: 250 });
    const started = performance.now();
    expect((await graphGet(emulator(), "/v1.0/users?$top=1", token)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);

    await admin.clearFaults(DEMO_TENANT.tenantId);
    const log = await admin.requestLog({ tenantId: DEMO_TENANT.tenantId, pathPrefix: "/v1.0/" });
    expect(log.filter((entry) => entry.fault === "throttle").length).toBeGreaterThanOrEqual(3);
    expect(log.filter((entry) => entry.fault === "unavailable")).toHaveLength(2);
  });

  it("starts a 503 burst after the first N requests, to fail a round midway, and tells what is left", async () => {
    await admin.setFaults(DEMO_TENANT.tenantId, { unavailable: { burst: 2, after: 1 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await graphGet(emulator(), "/v1.0/users?$top=1", token)).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect(await admin.getFaults(DEMO_TENANT.tenantId)).toMatchObject({ unavailableLeft: 0, graphRequestsSinceSet: 4 });
    await admin.clearFaults(DEMO_TENANT.tenantId);
  });

  it("holds requests past the first N unanswered until the faults are set again, so a test can act between two requests", async () => {
    await admin.setFaults(DEMO_TENANT.tenantId, { hold: { after: 1 } });
    expect((await graphGet(emulator(), "/v1.0/users?$top=1", token)).status).toBe(200);
    const held = graphGet(emulator(), "/v1.0/users?$top=1", token);
    let answered = false;
    void held.then(() => (answered = true));
    await vi.waitFor(async () => expect((await admin.getFaults(DEMO_TENANT.tenantId)).heldRequests).toBe(1), { timeout: 10_000, interval: 10 });
    expect(answered).toBe(false);
    await admin.clearFaults(DEMO_TENANT.tenantId);
    expect((await held).status).toBe(200);
    expect((await admin.getFaults(DEMO_TENANT.tenantId)).heldRequests).toBe(0);
  });
});
