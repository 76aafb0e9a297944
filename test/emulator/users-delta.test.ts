import { beforeAll, describe, expect, it } from "vitest";
import type { EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet, type WireResponse } from "./support/graph-http";
import { expectGraphShape } from "./support/graph-schema";

type DeltaItem = { id: string; "@removed"?: { reason: string }; [key: string]: unknown };
const SELECT = "displayName,jobTitle,accountEnabled";

describe("GET /v1.0/users/delta, asserted on the wire", () => {
  const emulator = useEmulator({ seed: "empty" });
  let admin: EmulatorAdmin;
  let tenantId = "";
  let token = "";
  let deltaLink = "";

  beforeAll(async () => {
    admin = emulator().admin;
    tenantId = (await admin.createTenant({ displayName: "Delta Works" })).id;
    const app = await admin.createApp(tenantId, { displayName: "Sync", permissions: ["User.Read.All"], secret: {} });
    await admin.generateUsers(tenantId, 250, "delta");
    token = await appToken(emulator(), tenantId, app.clientId, app.secret!.value);
  });

  /** Follows nextLinks to the deltaLink, checking every page against Graph's schema. */
  async function round(start: string) {
    const pages: Record<string, unknown>[] = [];
    let url: string | undefined = start;
    while (url) {
      const response: WireResponse = await graphGet(emulator(), url, token);
      expect(response.status).toBe(200);
      expectGraphShape("usersDeltaPage", response.body);
      pages.push(response.body);
      url = response.body["@odata.nextLink"];
    }
    const last = pages.at(-1)!;
    return { pages, items: pages.flatMap((page) => page.value as DeltaItem[]), deltaLink: last["@odata.deltaLink"] as string };
  }

  async function changesSinceLastRound(): Promise<DeltaItem[]> {
    const next = await round(deltaLink);
    deltaLink = next.deltaLink;
    return next.items;
  }

  it("delivers the initial state page by page with $skiptoken, then a deltaLink with $deltatoken", async () => {
    const initial = await round(`/v1.0/users/delta?$select=${SELECT}`);

    expect(initial.pages.map((page) => (page.value as unknown[]).length)).toEqual([100, 100, 50]);
    for (const page of initial.pages.slice(0, -1)) {
      expect(page["@odata.nextLink"]).toMatch(new RegExp(`^${emulator().url}/v1\\.0/users/delta\\?\\$skiptoken=`));
      expect(page["@odata.deltaLink"]).toBeUndefined();
    }
    expect(initial.deltaLink).toMatch(new RegExp(`^${emulator().url}/v1\\.0/users/delta\\?\\$deltatoken=`));
    expect(initial.pages.at(-1)!["@odata.nextLink"]).toBeUndefined();
    const truth = await admin.listUsers(tenantId, { state: "active" });
    expect(new Set(initial.items.map((item) => item.id))).toEqual(new Set(truth.users.map((user) => user.id)));
    expect(Object.keys(initial.items[0]!).sort()).toEqual(["accountEnabled", "displayName", "id", "jobTitle"]);

    deltaLink = initial.deltaLink;
    expect(await changesSinceLastRound()).toEqual([]);
  });

  it("then returns only what changed: created, updated, disabled, soft-deleted, restored, hard-deleted", async () => {
    const created = await admin.createUser(tenantId, {
      userPrincipalName: `nora.quinn@${(await admin.getTenant(tenantId)).defaultDomain}`,
      displayName: "Nora Quinn",
      jobTitle: "Analyst",
    });
    expect(await changesSinceLastRound()).toEqual([{ id: created.id, displayName: "Nora Quinn", jobTitle: "Analyst", accountEnabled: true }]);

    await admin.updateUser(tenantId, created.id, { jobTitle: "Senior Analyst" });
    expect(await changesSinceLastRound()).toEqual([expect.objectContaining({ id: created.id, jobTitle: "Senior Analyst" })]);

    await admin.disableUser(tenantId, created.id);
    expect(await changesSinceLastRound()).toEqual([expect.objectContaining({ id: created.id, accountEnabled: false })]);

    await admin.softDeleteUser(tenantId, created.id);
    expect(await changesSinceLastRound()).toEqual([{ id: created.id, "@removed": { reason: "changed" } }]);

    await admin.restoreUser(tenantId, created.id);
    const restored = await changesSinceLastRound();
    expect(restored).toEqual([expect.objectContaining({ id: created.id, displayName: "Nora Quinn" })]);
    expect(restored[0]!["@removed"]).toBeUndefined();

    await admin.hardDeleteUser(tenantId, created.id);
    expect(await changesSinceLastRound()).toEqual([{ id: created.id, "@removed": { reason: "deleted" } }]);
  });

  it("may deliver a change again: a replayed deltaLink repeats its changes; a user changed twice arrives once, latest state", async () => {
    const [first, second] = (await admin.listUsers(tenantId, { state: "active", limit: 2 })).users;
    const before = deltaLink;
    await admin.updateUser(tenantId, first!.id, { jobTitle: "Interim title" });
    await admin.updateUser(tenantId, second!.id, { jobTitle: "Buyer" });
    await admin.updateUser(tenantId, first!.id, { jobTitle: "Final title" });

    const once = await round(before);
    expect(once.items.map((item) => [item.id, item.jobTitle])).toEqual([
      [second!.id, "Buyer"],
      [first!.id, "Final title"],
    ]);
    const replayed = await round(before);
    expect(replayed.items).toEqual(once.items);
    expect((await round(once.deltaLink)).items).toEqual([]);
    deltaLink = once.deltaLink;
  });

  it("pages a change round too, and honours Prefer: odata.maxpagesize", async () => {
    const users = (await admin.listUsers(tenantId, { state: "active", limit: 5 })).users;
    for (const user of users) await admin.updateUser(tenantId, user.id, { department: "Renamed" });
    const first = await graphGet(emulator(), deltaLink, token, { prefer: "odata.maxpagesize=2" });
    expect(first.body.value).toHaveLength(2);
    expect(first.body["@odata.nextLink"]).toContain("$skiptoken=");
    expect(first.headers.get("preference-applied")).toBe("odata.maxpagesize=2");
    const rest = await round(first.body["@odata.nextLink"]);
    expect([...first.body.value, ...rest.items].map((item: DeltaItem) => item.id)).toEqual(users.map((user) => user.id));
    deltaLink = rest.deltaLink;
  });

  it("answers an unknown token with 400 syncStateNotFound", async () => {
    const forged = await graphGet(emulator(), "/v1.0/users/delta?$deltatoken=bm90LWEtdG9rZW4.AAAAAAAAAAAAAAAAAAAAAA", token);
    expect(forged.status).toBe(400);
    expectGraphShape("error", forged.body);
    expect(forged.body.error.code).toBe("syncStateNotFound");
  });

  it("answers expired tokens with 400 syncStateNotFound, or 410 Gone with a Location to start over", async () => {
    await admin.expireDeltaTokens(tenantId, "syncStateNotFound");
    const expired = await graphGet(emulator(), deltaLink, token);
    expect(expired.status).toBe(400);
    expect(expired.body.error).toMatchObject({ code: "syncStateNotFound", message: expect.stringContaining("The delta token is expired") });

    const fresh = await round(`/v1.0/users/delta?$select=${SELECT}`);
    const midRound = (await graphGet(emulator(), `/v1.0/users/delta?$select=${SELECT}`, token)).body["@odata.nextLink"];
    await admin.expireDeltaTokens(tenantId, "gone");
    const locations: string[] = [];
    for (const stale of [fresh.deltaLink, midRound]) {
      const gone = await graphGet(emulator(), stale, token);
      expect(gone.status).toBe(410);
      expectGraphShape("error", gone.body);
      locations.push(gone.headers.get("location")!);
    }
    expect(locations).toEqual([`${emulator().url}/v1.0/users/delta?$select=${SELECT}`, `${emulator().url}/v1.0/users/delta?$select=${SELECT}`]);
    const restart = await round(locations[0]!);
    expect(restart.items.length).toBe((await admin.getTenant(tenantId)).userCount);
  });

  it("starts from now with $deltatoken=latest", async () => {
    const latest = await graphGet(emulator(), "/v1.0/users/delta?$deltatoken=latest", token);
    expect(latest.body.value).toEqual([]);
    expectGraphShape("usersDeltaPage", latest.body);
    const user = (await admin.listUsers(tenantId, { state: "active", limit: 1 })).users[0]!;
    await admin.updateUser(tenantId, user.id, { mobilePhone: "+1 425 555 0100" });
    const changes = await round(latest.body["@odata.deltaLink"]);
    expect(changes.items).toEqual([expect.objectContaining({ id: user.id, mobilePhone: "+1 425 555 0100" })]);
  });

  it("tracks the manager and the extra properties when they are selected: manager@delta, and a change of manager alone is a change", async () => {
    const select = "displayName,officeLocation,employeeId,companyName,city,country,onPremisesExtensionAttributes,businessPhones,manager";
    const domain = (await admin.getTenant(tenantId)).defaultDomain;
    const boss = await admin.createUser(tenantId, { userPrincipalName: `ada.boss@${domain}`, displayName: "Ada Boss" });
    const other = await admin.createUser(tenantId, { userPrincipalName: `otto.other@${domain}`, displayName: "Otto Other" });
    const person = await admin.createUser(tenantId, {
      userPrincipalName: `pia.person@${domain}`,
      displayName: "Pia Person",
      officeLocation: "18/2111",
      companyName: "Delta Works",
      city: "Redmond",
      country: "United States",
      employeeId: "4711",
      businessPhones: ["+1 425 555 0100 x1234"],
      onPremisesExtensionAttributes: { extensionAttribute1: "1234", extensionAttribute15: "z" },
      managerId: boss.id,
    });
    const initial = await round(`/v1.0/users/delta?$select=${select}`);
    const item = initial.items.find((i) => i.id === person.id)!;
    expect(item).toEqual({
      id: person.id,
      displayName: "Pia Person",
      officeLocation: "18/2111",
      employeeId: "4711",
      companyName: "Delta Works",
      city: "Redmond",
      country: "United States",
      // All fifteen, null where unset, as Graph answers.
      onPremisesExtensionAttributes: expect.objectContaining({ extensionAttribute1: "1234", extensionAttribute2: null, extensionAttribute15: "z" }),
      businessPhones: ["+1 425 555 0100 x1234"],
      "manager@delta": [{ "@odata.type": "#microsoft.graph.user", id: boss.id }],
    });
    expect(Object.keys(item.onPremisesExtensionAttributes as object)).toHaveLength(15);
    // Someone without a manager has no manager@delta at all.
    expect(initial.items.find((i) => i.id === boss.id)).not.toHaveProperty("manager@delta");

    // A new manager, and nothing else: the user is in the next round with the new manager.
    await admin.updateUser(tenantId, person.id, { managerId: other.id });
    const moved = await round(initial.deltaLink);
    expect(moved.items).toEqual([expect.objectContaining({ id: person.id, "manager@delta": [{ "@odata.type": "#microsoft.graph.user", id: other.id }] })]);

    // A patch of one extension attribute leaves the others as they were; null clears one.
    const patched = await admin.updateUser(tenantId, person.id, { onPremisesExtensionAttributes: { extensionAttribute1: "5678", extensionAttribute15: null } });
    expect(patched.onPremisesExtensionAttributes).toEqual({ extensionAttribute1: "5678" });
    const changed = await round(moved.deltaLink);
    expect(changed.items).toEqual([
      expect.objectContaining({
        id: person.id,
        onPremisesExtensionAttributes: expect.objectContaining({ extensionAttribute1: "5678", extensionAttribute15: null }),
      }),
    ]);

    // The manager alone may be selected; a listing answers the new properties too.
    const managerOnly = await round("/v1.0/users/delta?$select=Manager");
    expect(managerOnly.items.find((i) => i.id === person.id)).toEqual({ id: person.id, "manager@delta": [expect.objectContaining({ id: other.id })] });
    const listed = await graphGet(emulator(), `/v1.0/users/${person.id}?$select=companyName,city,country,onPremisesExtensionAttributes`, token);
    expect(listed.body).toMatchObject({ companyName: "Delta Works", city: "Redmond", country: "United States" });
  });

  it("refuses what Graph refuses: an unknown extension attribute, an over-long value, a second business phone", async () => {
    const domain = (await admin.getTenant(tenantId)).defaultDomain;
    const user = await admin.createUser(tenantId, { userPrincipalName: `rita.refuse@${domain}`, displayName: "Rita" });
    for (const patch of [
      { onPremisesExtensionAttributes: { extensionAttribute16: "x" } },
      JSON.parse('{"onPremisesExtensionAttributes":{"__proto__":"x"}}'),
      { onPremisesExtensionAttributes: { extensionAttribute1: "x".repeat(1025) } },
      { companyName: "x".repeat(65) },
      { businessPhones: ["+1 425 555 0100", "+1 425 555 0101"] },
    ]) {
      await expect(admin.updateUser(tenantId, user.id, patch)).rejects.toThrow();
    }
    expect((await admin.getUser(tenantId, user.id)).onPremisesExtensionAttributes).toBeNull();
  });
});
