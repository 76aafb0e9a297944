import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet } from "./support/graph-http";
import { expectGraphShape } from "./support/graph-schema";

/**
 * A million users in one tenant. Behaviour only (timings live in the
 * benchmark): listing pages, indexed lookups, counting and delta rounds all
 * answer correctly at this size.
 */
describe("a tenant with 1,000,000 users", () => {
  const emulator = useEmulator({ seed: "empty" });
  let admin: EmulatorAdmin;
  let tenantId = "";
  let token = "";
  let lastId = "";

  beforeAll(async () => {
    admin = emulator().admin;
    tenantId = (await admin.createTenant({ displayName: "Scale" })).id;
    const app = await admin.createApp(tenantId, { displayName: "Scale sync", permissions: ["User.Read.All"], secret: {} });
    lastId = (await admin.generateUsers(tenantId, 1_000_000, "scale")).lastId!;
    token = await appToken(emulator(), tenantId, app.clientId, app.secret!.value);
  }, 120_000);

  it("lists, looks up and counts", async () => {
    const first = await graphGet(emulator(), "/v1.0/users?$top=999", token);
    expectGraphShape("usersPage", first.body);
    expect(first.body.value).toHaveLength(999);
    const second = await graphGet(emulator(), first.body["@odata.nextLink"], token);
    expect(second.body.value).toHaveLength(999);
    expect(second.body.value[0].id).not.toBe(first.body.value[0].id);

    const last = await admin.getUser(tenantId, lastId);
    const found = await graphGet(emulator(), `/v1.0/users?$filter=${encodeURIComponent(`userPrincipalName eq '${last.userPrincipalName}'`)}`, token);
    expect(found.body.value.map((u: { id: string }) => u.id)).toEqual([lastId]);

    const count = await graphGet(emulator(), "/v1.0/users/$count", token, { ConsistencyLevel: "eventual" });
    expect(count.body).toBe(1_000_000);
  });

  it("hands out a deltaLink and reports one change among a million", async () => {
    const latest = await graphGet(emulator(), "/v1.0/users/delta?$deltatoken=latest&$select=displayName,department", token);
    await admin.updateUser(tenantId, lastId, { department: "Scaled" });
    const changes = await graphGet(emulator(), latest.body["@odata.deltaLink"], token);
    expectGraphShape("usersDeltaPage", changes.body);
    expect(changes.body.value).toEqual([expect.objectContaining({ id: lastId, department: "Scaled" })]);
    expect(changes.body["@odata.deltaLink"]).toBeTruthy();
  });
});
