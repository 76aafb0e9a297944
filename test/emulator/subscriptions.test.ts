import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken } from "./support/graph-http";

type Received = { query: URLSearchParams; contentType: string; body: any };

/** A notification receiver that answers validation as Graph wants it (or stalls, or refuses, when told). */
function receiver() {
  const received: Received[] = [];
  const mode = { validation: "echo" as "echo" | "stall" | "refuse" };
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const text = Buffer.concat(chunks).toString("utf8");
    received.push({ query: url.searchParams, contentType: String(req.headers["content-type"]), body: text ? JSON.parse(text) : null });
    const token = url.searchParams.get("validationToken");
    if (token !== null) {
      if (mode.validation === "stall") return; // never answers
      if (mode.validation === "refuse") return res.writeHead(403).end();
      return res.writeHead(200, { "content-type": "text/plain" }).end(token);
    }
    res.writeHead(202).end();
  });
  return { server, received, mode };
}

describe("Graph subscriptions and change notifications", () => {
  const emulator = useEmulator({ seed: "empty" });
  const target = receiver();
  let admin: EmulatorAdmin;
  let tenantId = "";
  let token = "";
  let url = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => target.server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(target.server.address() as AddressInfo).port}/notify`;
    admin = emulator().admin;
    tenantId = (await admin.createTenant({ displayName: "Subscribed" })).id;
    const app = await admin.createApp(tenantId, { displayName: "App", permissions: ["User.Read.All"], secret: {} });
    token = await appToken(emulator(), tenantId, app.clientId, app.secret!.value);
  });
  afterAll(() => new Promise<void>((resolve) => target.server.close(() => resolve())));
  beforeEach(async () => {
    target.received.length = 0;
    target.mode.validation = "echo";
    await admin.clearFaults(tenantId);
    await admin.setSubscriptionPolicy(tenantId, { validationTimeoutMs: 10_000, clockOffsetMs: 0 });
  });

  const graph = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator().url}/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const subscribe = (overrides: Record<string, unknown> = {}) =>
    graph("POST", "/subscriptions", {
      changeType: "updated,deleted",
      notificationUrl: url,
      lifecycleNotificationUrl: `${url}?lifecycle=1`,
      resource: "users",
      expirationDateTime: inDays(28),
      clientState: "secret-state",
      ...overrides,
    });
  /** Waits until the emulator has nothing on its way and `count` items arrived. */
  const arrived = async (count: number) => {
    for (let i = 0; i < 200; i++) {
      const log = await admin.notificationLog(tenantId);
      const items = target.received.filter((r) => r.body).flatMap((r) => r.body.value);
      if (log.inFlight === 0 && items.length >= count) return items;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("notifications did not arrive");
  };

  it("creates a subscription after the validation handshake, lists, renews and deletes it", async () => {
    const created = await subscribe();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ resource: "users", changeType: "updated,deleted", clientState: "secret-state", notificationUrl: url });
    const validations = target.received.filter((r) => r.query.has("validationToken"));
    expect(validations).toHaveLength(2); // the notification URL and the lifecycle URL
    expect(validations[0]!.query.get("validationToken")).toMatch(/^Validation: /);

    expect((await graph("GET", "/subscriptions")).body.value.map((s: { id: string }) => s.id)).toContain(created.body.id);
    const renewed = await graph("PATCH", `/subscriptions/${created.body.id}`, { expirationDateTime: inDays(20) });
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expirationDateTime)).toBeLessThan(Date.parse(created.body.expirationDateTime));
    expect((await graph("DELETE", `/subscriptions/${created.body.id}`)).status).toBe(204);
    expect((await graph("GET", `/subscriptions/${created.body.id}`)).status).toBe(404);
    expect((await graph("PATCH", `/subscriptions/${created.body.id}`, { expirationDateTime: inDays(1) })).status).toBe(404);
  });

  it("refuses what Graph refuses: past 41,760 minutes, a failed or slow validation, no https", async () => {
    const tooLong = await subscribe({ expirationDateTime: new Date(Date.now() + 41_761 * 60_000).toISOString() });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain("41760 minutes");
    expect((await subscribe({ notificationUrl: "http://example.com/notify" })).status).toBe(400);

    target.mode.validation = "refuse";
    const refused = await subscribe();
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("must respond with 200 OK");

    target.mode.validation = "stall";
    await admin.setSubscriptionPolicy(tenantId, { validationTimeoutMs: 100 });
    const slow = await subscribe();
    expect(slow.body.error).toMatchObject({ code: "ValidationError", message: "Subscription validation request timed out." });
    expect((await admin.listSubscriptions(tenantId)).subscriptions.filter((s) => s.notificationUrl === url)).toHaveLength(0);
  });

  it("notifies every change the admin API makes, as Graph shapes them, with drop, duplicate and forge faults", async () => {
    const subscription = (await subscribe()).body;
    target.received.length = 0;
    const user = await admin.createUser(tenantId, { userPrincipalName: "ada@subscribed.onmicrosoft.com", displayName: "Ada" });
    await admin.updateUser(tenantId, user.id, { displayName: "Ada L." });
    await admin.disableUser(tenantId, user.id);
    await admin.hardDeleteUser(tenantId, user.id);
    const items = await arrived(4);
    expect(items.map((item) => item.changeType)).toEqual(["updated", "updated", "updated", "deleted"]);
    expect(items[0]).toMatchObject({
      subscriptionId: subscription.id,
      clientState: "secret-state",
      tenantId,
      resource: `Users/${user.id}`,
      resourceData: { "@odata.type": "#Microsoft.Graph.User", id: user.id, organizationId: tenantId },
    });

    target.received.length = 0;
    await admin.setFaults(tenantId, { notifications: { drop: 1, duplicate: 1 } });
    const other = await admin.createUser(tenantId, { userPrincipalName: "bob@subscribed.onmicrosoft.com", displayName: "Bob" });
    await admin.updateUser(tenantId, other.id, { displayName: "Bob B." });
    const afterFaults = await arrived(2);
    expect(afterFaults).toHaveLength(2); // the first dropped, the second twice
    expect(afterFaults[0].id).toBe(afterFaults[1].id);
    const log = (await admin.notificationLog(tenantId)).deliveries;
    expect(log.filter((d) => d.outcome === "dropped")).toHaveLength(1);

    target.received.length = 0;
    await admin.forgeNotification(tenantId, subscription.id, { clientState: "guessed" });
    expect((await arrived(1))[0].clientState).toBe("guessed");
    await graph("DELETE", `/subscriptions/${subscription.id}`);
  });

  it("sends lifecycle events on demand: reauthorization holds notifications back until renewed, removal deletes", async () => {
    const subscription = (await subscribe()).body;
    target.received.length = 0;
    await admin.sendLifecycleEvent(tenantId, subscription.id, "reauthorizationRequired");
    const [event] = await arrived(1);
    expect(event).toMatchObject({ lifecycleEvent: "reauthorizationRequired", subscriptionId: subscription.id, clientState: "secret-state" });
    expect(target.received[0]!.query.get("lifecycle")).toBe("1");
    await admin.createUser(tenantId, { userPrincipalName: "cy@subscribed.onmicrosoft.com", displayName: "Cy" });
    expect((await admin.notificationLog(tenantId)).deliveries.at(-1)).toMatchObject({ outcome: "withheld" });
    expect((await graph("POST", `/subscriptions/${subscription.id}/reauthorize`)).status).toBe(204);

    target.received.length = 0;
    await admin.sendLifecycleEvent(tenantId, subscription.id, "missed");
    await admin.sendLifecycleEvent(tenantId, subscription.id, "subscriptionRemoved");
    expect((await arrived(2)).map((item) => item.lifecycleEvent)).toEqual(["missed", "subscriptionRemoved"]);
    expect((await graph("GET", `/subscriptions/${subscription.id}`)).status).toBe(404);
  });

  it("expires subscriptions on the tenant's subscription clock", async () => {
    const subscription = (await subscribe({ expirationDateTime: inDays(1) })).body;
    await admin.setSubscriptionPolicy(tenantId, { clockOffsetMs: 2 * 86_400_000 });
    expect((await graph("GET", `/subscriptions/${subscription.id}`)).status).toBe(404);
  });
});
