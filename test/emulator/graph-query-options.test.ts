import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT, DEMO_USER_IDS, type EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet } from "./support/graph-http";
import { expectGraphShape } from "./support/graph-schema";

const MEGAN = `MeganB@${DEMO_TENANT.domain}`;

describe("GET /v1.0/users query options", () => {
  const emulator = useEmulator();
  let admin: EmulatorAdmin;
  let token = "";
  const users = async (query: string, headers: Record<string, string> = {}) => {
    const response = await graphGet(emulator(), `/v1.0/users${query}`, token, headers);
    expectGraphShape(response.status === 200 ? "usersPage" : "error", response.body);
    return response;
  };

  beforeAll(async () => {
    admin = emulator().admin;
    token = await appToken(emulator(), DEMO_TENANT.tenantId, DEMO_TENANT.clientId, DEMO_TENANT.clientSecret);
    await admin.disableUser(DEMO_TENANT.tenantId, DEMO_USER_IDS.LidiaH);
    await admin.createUser(DEMO_TENANT.tenantId, {
      userPrincipalName: `jordan.rivers_fabrikam.com#EXT#@${DEMO_TENANT.domain}`,
      mail: "jordan.rivers@fabrikam.com",
      displayName: "Jordan Rivers",
      userType: "Guest",
    });
  });

  it("returns Graph's default properties, 100 per page by default", async () => {
    await admin.generateUsers(DEMO_TENANT.tenantId, 120, "defaults");
    const first = await users("");
    expect(first.body.value).toHaveLength(100);
    expect(Object.keys(first.body.value[0]).sort()).toEqual(
      [
        "businessPhones",
        "displayName",
        "givenName",
        "id",
        "jobTitle",
        "mail",
        "mobilePhone",
        "officeLocation",
        "preferredLanguage",
        "surname",
        "userPrincipalName",
      ].sort(),
    );
    const second = await users(first.body["@odata.nextLink"].slice(`${emulator().url}/v1.0/users`.length));
    expect(second.body.value).toHaveLength(41);
    expect(second.body["@odata.nextLink"]).toBeUndefined();
  });

  it("filters with eq and startswith on userPrincipalName, mail, accountEnabled and userType", async () => {
    const pick = async (filter: string) =>
      (await users(`?$filter=${encodeURIComponent(filter)}&$select=id,displayName`)).body.value.map((u: { displayName: string }) => u.displayName);
    expect(await pick(`userPrincipalName eq '${MEGAN.toLowerCase()}'`)).toEqual(["Megan Bowen"]);
    expect(await pick("startswith(userPrincipalName,'MeganB@')")).toEqual(["Megan Bowen"]);
    expect(await pick(`mail eq 'AdeleV@${DEMO_TENANT.domain}'`)).toEqual(["Adele Vance"]);
    expect(await pick("startswith(mail,'jordan.')")).toEqual(["Jordan Rivers"]);
    expect(await pick("accountEnabled eq false and startswith(userPrincipalName,'Lidia')")).toEqual(["Lidia Holloway"]);
    expect(await pick("userType eq 'Guest' and startswith(displayName,'Jordan')")).toEqual(["Jordan Rivers"]);
    expect(await pick("(userType eq 'Member' and startswith(userPrincipalName,'PattiF@')) or userPrincipalName eq 'nobody@x.com'")).toEqual([
      "Patti Fernandez",
    ]);
  });

  it("counts with ConsistencyLevel: eventual, and only then", async () => {
    const filter = `$filter=${encodeURIComponent("userType eq 'Guest'")}`;
    const counted = await users(`?${filter}&$count=true`, { ConsistencyLevel: "eventual" });
    expect(counted.body["@odata.count"]).toBe(counted.body.value.length);
    expect((await users(`?${filter}&$count=true`)).body["@odata.count"]).toBeUndefined();
    expect((await graphGet(emulator(), `/v1.0/users/$count?${filter}`, token, { ConsistencyLevel: "eventual" })).body).toBe(counted.body.value.length);
    const refused = await graphGet(emulator(), "/v1.0/users/$count", token);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("Request_UnsupportedQuery");
    // ne/not are advanced queries as well.
    expect((await users(`?$filter=${encodeURIComponent("userType ne 'Member'")}`)).body.error.code).toBe("Request_UnsupportedQuery");
    const advanced = await users(`?$filter=${encodeURIComponent("userType ne 'Member'")}&$count=true`, { ConsistencyLevel: "eventual" });
    expect(advanced.body.value.every((u: { userPrincipalName: string }) => u.userPrincipalName.includes("#EXT#"))).toBe(true);
  });

  it("selects properties case-insensitively, expands the manager, and reads one user by id or UPN", async () => {
    const page = await users(
      `?$filter=${encodeURIComponent(`userPrincipalName eq '${MEGAN}'`)}&$select=ID,displayName,Department,employeeId,accountEnabled,userType&$expand=manager($select=id,displayName)`,
    );
    expect(page.body.value).toEqual([
      {
        id: DEMO_USER_IDS.MeganB,
        displayName: "Megan Bowen",
        department: "Finance",
        employeeId: expect.any(String),
        accountEnabled: true,
        userType: "Member",
        manager: { "@odata.type": "#microsoft.graph.user", id: DEMO_USER_IDS.DiegoS, displayName: "Diego Siciliani" },
      },
    ]);
    const byId = await graphGet(emulator(), `/v1.0/users/${DEMO_USER_IDS.MeganB}`, token);
    expectGraphShape("user", byId.body);
    expect(byId.body).toMatchObject({ displayName: "Megan Bowen", jobTitle: "Auditor", officeLocation: "12/1110", businessPhones: ["+1 412 555 0109"] });
    expect((await graphGet(emulator(), `/v1.0/users/${encodeURIComponent(MEGAN)}?$select=id`, token)).body.id).toBe(DEMO_USER_IDS.MeganB);
    expect((await graphGet(emulator(), `/v1.0/users/${DEMO_USER_IDS.MeganB}/manager`, token)).body).toMatchObject({ id: DEMO_USER_IDS.DiegoS });
  });

  it("rejects bad input as Graph does", async () => {
    const cases: [string, number, string, RegExp][] = [
      ["?$top=5000", 400, "Request_UnsupportedQuery", /^Invalid page size specified: '5000'. Must be between 1 and 999 inclusive.$/],
      ["?$top=0", 400, "Request_UnsupportedQuery", /Invalid page size specified: '0'/],
      ["?$select=displayName,favouriteColour", 400, "BadRequest", /Could not find a property named 'favouriteColour' on type 'microsoft.graph.user'/],
      ["?$select=displayName,", 400, "BadRequest", /Parsing OData Select and Expand failed/],
      [`?$filter=${encodeURIComponent("userPrincipalName eq 'unterminated")}`, 400, "BadRequest", /^Invalid filter clause/],
      [`?$filter=${encodeURIComponent("startswith(userPrincipalName 'a')")}`, 400, "BadRequest", /^Invalid filter clause/],
      [`?$filter=${encodeURIComponent("accountEnabled eq 'true'")}`, 400, "BadRequest", /incompatible types/],
      [`?$filter=${encodeURIComponent("shoeSize eq 'x'")}`, 400, "BadRequest", /Could not find a property named 'shoeSize'/],
      ["?$skip=10", 400, "Request_UnsupportedQuery", /\$skip/],
      ["?$skiptoken=made-up", 400, "Request_BadRequest", /page token/],
    ];
    for (const [query, status, code, message] of cases) {
      const response = await users(query);
      expect(response.status, query).toBe(status);
      expect(response.body.error.code, query).toBe(code);
      expect(response.body.error.message, query).toMatch(message);
      expect(response.body.error.innerError["request-id"], query).toBe(response.headers.get("request-id"));
    }
    const deleted = await admin.createUser(DEMO_TENANT.tenantId, { userPrincipalName: `gone@${DEMO_TENANT.domain}`, displayName: "Gone" });
    await admin.softDeleteUser(DEMO_TENANT.tenantId, deleted.id);
    const notFound = await graphGet(emulator(), `/v1.0/users/${deleted.id}`, token);
    expect(notFound.status).toBe(404);
    expect(notFound.body.error.code).toBe("Request_ResourceNotFound");
  });
});
