import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_GROUP_IDS, DEMO_TENANT, DEMO_USER_IDS, type EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet, type WireResponse } from "./support/graph-http";
import { expectGraphShape } from "./support/graph-schema";

type DirectoryObject = { "@odata.type": string; id: string; displayName: string };

describe("groups, nested membership and the organization", () => {
  const emulator = useEmulator();
  let admin: EmulatorAdmin;
  let token = "";

  beforeAll(async () => {
    admin = emulator().admin;
    token = await appToken(emulator(), DEMO_TENANT.tenantId, DEMO_TENANT.clientId, DEMO_TENANT.clientSecret);
  });

  async function transitive(groupId: string, query = ""): Promise<DirectoryObject[]> {
    const items: DirectoryObject[] = [];
    let url: string | undefined = `/v1.0/groups/${groupId}/transitiveMembers${query}`;
    while (url) {
      const page: WireResponse = await graphGet(emulator(), url, token);
      expect(page.status).toBe(200);
      expectGraphShape("directoryObjectsPage", page.body);
      items.push(...page.body.value);
      url = page.body["@odata.nextLink"];
    }
    return items;
  }

  it("lists the demo groups", async () => {
    const groups = await graphGet(emulator(), "/v1.0/groups", token);
    expect(groups.status).toBe(200);
    for (const group of groups.body.value) expectGraphShape("group", group);
    expect(groups.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual([
      "All Company",
      "Finance",
      "Leadership",
      "Legal",
      "Sales and Marketing",
    ]);
    const filtered = await graphGet(
      emulator(),
      `/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'Sales')")}&$select=id,mail,groupTypes`,
      token,
    );
    expect(filtered.body.value).toEqual([{ id: DEMO_GROUP_IDS.salesAndMarketing, mail: `SalesAndMarketing@${DEMO_TENANT.domain}`, groupTypes: ["Unified"] }]);
  });

  it("expands nested groups in transitiveMembers, each object once, across pages", async () => {
    const members = await transitive(DEMO_GROUP_IDS.allCompany, "?$top=7");
    const users = members.filter((m) => m["@odata.type"] === "#microsoft.graph.user");
    const groups = members.filter((m) => m["@odata.type"] === "#microsoft.graph.group");
    expect(groups.map((g) => g.displayName).sort()).toEqual(["Finance", "Leadership", "Legal", "Sales and Marketing"]);
    // Diego is in Finance and in Leadership: still listed once.
    expect(users).toHaveLength(20);
    expect(new Set(users.map((u) => u.id)).size).toBe(20);
    expect(users.map((u) => u.id)).toContain(DEMO_USER_IDS.DiegoS);

    const direct = await graphGet(emulator(), `/v1.0/groups/${DEMO_GROUP_IDS.allCompany}/members`, token);
    expect(direct.body.value).toHaveLength(5);
  });

  it("follows membership changes, deeper nesting and soft deletion", async () => {
    const auditor = await admin.createUser(DEMO_TENANT.tenantId, {
      userPrincipalName: `KaiA@${DEMO_TENANT.domain}`,
      displayName: "Kai Abbott",
      department: "Finance",
    });
    const audit = await admin.createGroup(DEMO_TENANT.tenantId, { displayName: "Internal Audit", memberIds: [auditor.id, DEMO_USER_IDS.MeganB] });
    await admin.addGroupMember(DEMO_TENANT.tenantId, DEMO_GROUP_IDS.finance, audit.id);

    const withAudit = await transitive(DEMO_GROUP_IDS.allCompany);
    expect(withAudit.map((m) => m.displayName)).toEqual(expect.arrayContaining(["Internal Audit", "Kai Abbott"]));
    expect(withAudit.filter((m) => m.id === DEMO_USER_IDS.MeganB)).toHaveLength(1);

    await admin.softDeleteUser(DEMO_TENANT.tenantId, auditor.id);
    expect((await transitive(DEMO_GROUP_IDS.allCompany)).map((m) => m.id)).not.toContain(auditor.id);
    await admin.restoreUser(DEMO_TENANT.tenantId, auditor.id);
    expect((await transitive(DEMO_GROUP_IDS.finance)).map((m) => m.id)).toContain(auditor.id);

    const usersOnly = await graphGet(
      emulator(),
      `/v1.0/groups/${DEMO_GROUP_IDS.allCompany}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName`,
      token,
    );
    expectGraphShape("usersPage", usersOnly.body);
    expect(usersOnly.body.value.every((m: DirectoryObject) => m["@odata.type"] === "#microsoft.graph.user")).toBe(true);
    expect(usersOnly.body.value).toHaveLength(21);
  });

  it("answers 404 for an unknown group and reports the organization", async () => {
    const missing = await graphGet(emulator(), "/v1.0/groups/00000000-0000-0000-0000-000000000000/transitiveMembers", token);
    expect(missing.status).toBe(404);
    expectGraphShape("error", missing.body);

    const organization = await graphGet(emulator(), "/v1.0/organization", token);
    expect(organization.body.value).toEqual([
      expect.objectContaining({
        id: DEMO_TENANT.tenantId,
        displayName: "Contoso",
        verifiedDomains: [expect.objectContaining({ name: DEMO_TENANT.domain, isDefault: true, isInitial: true })],
      }),
    ]);
  });
});
