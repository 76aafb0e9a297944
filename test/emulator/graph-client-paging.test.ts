import { GraphError, PageIterator } from "@microsoft/microsoft-graph-client";
import { beforeAll, describe, expect, it } from "vitest";
import { expectGraphShape } from "./support/graph-schema";
import { ResponseRecorder, graphClient, msalAuthProvider } from "./support/graph-client";
import { useEmulator } from "./support/emulator-fixture";
import { watchOutboundConnections } from "./support/outbound-connections";

const SELECT = "id,displayName,userPrincipalName,mail,accountEnabled,userType,department,jobTitle";

describe("the real Graph client paging through 2,500 users", () => {
  const emulator = useEmulator({ seed: "empty" });
  let tenantId = "";
  let provider: ReturnType<typeof msalAuthProvider>;

  beforeAll(async () => {
    const { admin } = emulator();
    tenantId = (await admin.createTenant({ displayName: "Fabrikam Paging" })).id;
    const app = await admin.createApp(tenantId, { displayName: "Directory sync", permissions: ["User.Read.All"], secret: {} });
    await admin.generateUsers(tenantId, 2_500, "paging");
    provider = msalAuthProvider(emulator(), tenantId, app.clientId, app.secret!.value);
  });

  async function listAll(recorder?: ResponseRecorder): Promise<string[]> {
    const client = graphClient(emulator(), provider, { recorder });
    const ids: string[] = [];
    const first = await client.api("/users").select(SELECT).top(999).get();
    await new PageIterator(client, first, (user: { id: string }) => {
      ids.push(user.id);
      return true;
    }).iterate();
    return ids;
  }

  it("returns every user exactly once across pages of 999, each page valid against Graph's schema", async () => {
    const { admin } = emulator();
    await admin.clearRequestLog();
    const recorder = new ResponseRecorder();
    const connections = watchOutboundConnections();

    const ids = await listAll(recorder);

    expect(connections.hosts().length).toBeGreaterThan(0);
    expect(connections.nonLoopback()).toEqual([]);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);
    const truth = await admin.listUsers(tenantId, { limit: 5_000 });
    expect(new Set(ids)).toEqual(new Set(truth.users.map((user) => user.id)));
    const pages = recorder.bodies.filter((entry) => new URL(entry.url).pathname === "/v1.0/users");
    expect(pages.map((page) => (page.body as { value: unknown[] }).value.length)).toEqual([999, 999, 502]);
    for (const page of pages) expectGraphShape("usersPage", page.body);
    for (const page of pages.slice(0, 2)) {
      expect((page.body as Record<string, string>)["@odata.nextLink"]).toMatch(new RegExp(`^${emulator().url}/v1\\.0/users\\?.*\\$skiptoken=`));
    }

    const log = (await admin.requestLog({ tenantId, pathPrefix: "/v1.0/users" })).filter((entry) => entry.method === "GET");
    expect(log).toHaveLength(3);
    expect(log.every((entry) => entry.authorization === "Bearer" && entry.status === 200)).toBe(true);
    expect(log[0]!.query).toMatchObject({ $top: "999", $select: SELECT });
    expect(log[1]!.query.$skiptoken).toBeTruthy();
  });

  it("needs customHosts: without it the client sends no token to a non-Microsoft host", async () => {
    const { admin } = emulator();
    await admin.clearRequestLog();
    const client = graphClient(emulator(), provider, { customHosts: false });

    const failure = await client
      .api("/users")
      .top(5)
      .get()
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GraphError);
    expect((failure as GraphError).statusCode).toBe(401);
    expect((failure as GraphError).code).toBe("InvalidAuthenticationToken");
    const [request] = await admin.requestLog({ pathPrefix: "/v1.0/users" });
    expect(request!.authorization).toBeNull();
  });

  it("lets the RetryHandler honour 429 Retry-After and still delivers every user once", async () => {
    const { admin } = emulator();
    await admin.clearRequestLog();
    await admin.setFaults(tenantId, { throttle: { everyNth: 2, retryAfterSeconds: 1 } });

    const ids = await listAll();
    await admin.clearFaults(tenantId);

    expect(new Set(ids).size).toBe(2_500);
    expect(ids).toHaveLength(2_500);
    const log = await admin.requestLog({ tenantId, pathPrefix: "/v1.0/users" });
    const throttled = log.filter((entry) => entry.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    for (const entry of throttled) {
      const retry = log[log.indexOf(entry) + 1]!;
      expect(retry.query).toEqual(entry.query);
      expect(Number(retry.headers["retry-attempt"])).toBeGreaterThanOrEqual(1);
      expect(Date.parse(retry.time) - Date.parse(entry.time)).toBeGreaterThanOrEqual(950);
    }
  });

  it("retries a 503 burst and surfaces a connection reset in the middle of a page", async () => {
    const { admin } = emulator();
    await admin.clearRequestLog();
    await admin.setFaults(tenantId, { unavailable: { burst: 2, retryAfterSeconds: 0 } });
    const client = graphClient(emulator(), provider);
    const page = await client.api("/users").top(10).get();
    expect(page.value).toHaveLength(10);
    const statuses = (await admin.requestLog({ tenantId, pathPrefix: "/v1.0/users" })).map((entry) => entry.status);
    expect(statuses).toEqual([503, 503, 200]);

    await admin.setFaults(tenantId, { resetMidPage: { next: 1 } });
    await expect(client.api("/users").top(999).get()).rejects.toThrow();
    await expect(client.api("/users").top(999).get()).resolves.toMatchObject({ value: expect.any(Array) });
    const reset = (await admin.requestLog({ tenantId, pathPrefix: "/v1.0/users" })).filter((entry) => entry.fault === "reset");
    expect(reset).toHaveLength(1);
    await admin.clearFaults(tenantId);
  });
});
