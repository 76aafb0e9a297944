import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { createScimToken } from "@/lib/scim/tokens";
import { createCustomerWithManager } from "../../support/factories";
import { scimRequest } from "../../support/scim-client";

type Example = {
  name: string;
  request: { method: string; path: string; body?: Record<string, unknown> };
  response: { status: number | null; body?: Record<string, any> };
};
const recorded = JSON.parse(readFileSync(new URL("../../fixtures/scim/entra-provisioning-scim-examples.json", import.meta.url), "utf8")) as {
  examples: Example[];
  patch_variants: { variants: { case: string; without_flag: Record<string, unknown>; with_flag_aadOptscim062020: Record<string, unknown> }[] };
};

/**
 * Replays every request the Entra provisioning service is documented to send,
 * in order, against a fresh customer. The recorded IDs are Microsoft's
 * examples' own; each is mapped to the resource this replay created.
 */
describe("Entra's recorded provisioning requests", () => {
  let token: string;
  const ids = new Map<string, string>();
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    token = (await createScimToken(await createCustomerWithManager(), "Entra")).token;
  });

  const pathOf = (example: Example) =>
    example.request.path.replace(/\/(Users|Groups)\/([^/?]+)/, (_m, kind: string, id: string) => {
      if (!ids.has(id)) ids.set(id, kind === "Users" ? userId : groupId);
      return `/${kind}/${ids.get(id)}`;
    });

  const replay = async (name: string) => {
    const example = recorded.examples.find((e) => e.name === name)!;
    const body = example.request.body ? JSON.parse(JSON.stringify(example.request.body).replaceAll("f648f8d5ea4e4cd38e9c", userId ?? "")) : undefined;
    const response = await scimRequest(token, example.request.method, pathOf(example), body);
    if (example.response.status !== null) expect(response.status, name).toBe(example.response.status);
    if (response.body) expect(response.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    return { example, response };
  };

  it("creates, reads, queries, updates, disables and deletes a user as Entra does", async () => {
    const created = await replay("Create User");
    userId = created.response.body!.id;
    expect(created.response.body).toMatchObject({
      userName: created.example.request.body!.userName,
      active: true,
      externalId: created.example.request.body!.externalId,
    });
    expect((await replay("Get User (found)")).response.body).toMatchObject({ id: userId, userName: created.example.request.body!.userName });
    const missing = await scimRequest(token, "GET", "/Users/5171a35d82074e068ce2");
    expect(missing).toMatchObject({ status: 404, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404" } });

    const query = await replay("Get User by query");
    expect(query.response.body).toMatchObject({ totalResults: 1, Resources: [{ id: userId }] });
    expect((await replay("Get User by query - zero results")).response.body).toMatchObject({ totalResults: 0, Resources: [] });

    ids.set("6764549bef60420686bc", userId);
    ids.set("5171a35d82074e068ce2", userId);
    const multi = await replay("Update User [multi-valued properties]");
    expect(multi.response.body).toMatchObject({ name: { familyName: "updatedFamilyName" }, emails: [{ type: "work", value: "updatedEmail@microsoft.com" }] });
    const single = await replay("Update User [single-valued properties]");
    expect(single.response.body!.userName).toBe("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com");
    expect((await replay("Disable User")).response.body!.active).toBe(false);

    const externalQuery = await replay("Query user by externalId (unquoted value, as shown in the docs' sample-code section)");
    expect(externalQuery.response.status).toBe(200);
    expect(externalQuery.response.body!.totalResults).toBe(0);
  });

  it("accepts both PATCH shapes Entra sends, with and without aadOptscim062020", async () => {
    for (const variant of recorded.patch_variants.variants) {
      for (const body of [variant.without_flag, variant.with_flag_aadOptscim062020]) {
        const user = await scimRequest(token, "POST", "/Users", {
          userName: `variant-${Math.random()}@testuser.com`,
          active: true,
          emails: [{ type: "work", value: "a@b.example", primary: true }],
        });
        const member = user.body!.id as string;
        let path = `/Users/${member}`;
        if (variant.case === "remove a group member") {
          const group = await scimRequest(token, "POST", "/Groups", { displayName: `g-${Math.random()}`, members: [{ value: member }] });
          path = `/Groups/${group.body!.id}`;
        }
        const patch = JSON.parse(JSON.stringify(body).replaceAll("u1091", member).replaceAll("7f4bc1a3-285e-48ae-8202-5accb43efb0e", member));
        const response = await scimRequest(token, "PATCH", path, patch);
        expect([200, 204], `${variant.case}: ${JSON.stringify(response.body)}`).toContain(response.status);
        const after = (await scimRequest(token, "GET", path)).body!;
        if (variant.case === "disable user") expect(after.active).toBe(false);
        if (variant.case === "add single-value string attribute") expect(after.nickName).toBe("Babs");
        if (variant.case === "replace multiple attributes") {
          expect(after.emails[0].value).toMatch(/^Test\w+@test\.microsoft\.com$/);
          expect(after["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"].employeeNumber).toBeTruthy();
          expect(after.name.givenName).not.toBe(undefined);
        }
        if (variant.case === "remove a group member") expect(after.members).toEqual([]);
      }
    }
  });

  it("creates, reads, finds, renames, fills, empties and deletes a group as Entra does", async () => {
    const created = await replay("Create Group");
    groupId = created.response.body!.id;
    ids.set("40734ae655284ad3abcc", groupId);
    const got = await replay("Get Group");
    expect(got.response.body).toMatchObject({ id: groupId, displayName: "displayName" });
    expect(got.response.body).not.toHaveProperty("members");
    expect((await replay("Get Group by displayName")).response.body).toMatchObject({ totalResults: 1, Resources: [{ id: groupId }] });
    ids.set("fa2ce26709934589afc5", groupId);
    await replay("Update Group [non-member attributes]");
    expect((await scimRequest(token, "GET", `/Groups/${groupId}`)).body!.displayName).toBe("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");

    userId = (await scimRequest(token, "POST", "/Users", { userName: "member@testuser.com" })).body!.id;
    ids.set("a99962b9f99d4c4fac67", groupId);
    await replay("Update Group [add members]");
    expect((await scimRequest(token, "GET", `/Groups/${groupId}`)).body!.members).toMatchObject([{ value: userId }]);
    await replay("Update Group [remove members]");
    expect((await scimRequest(token, "GET", `/Groups/${groupId}`)).body!.members).toEqual([]);

    ids.set("cdb1ce18f65944079d37", groupId);
    await replay("Delete Group");
    expect((await scimRequest(token, "GET", `/Groups/${groupId}`)).status).toBe(404);
  });

  it("deletes a user: gone for SCIM, removed in the directory", async () => {
    const user = await scimRequest(token, "POST", "/Users", { userName: "leaver@testuser.com" });
    ids.set("5171a35d82074e068ce2", user.body!.id);
    await replay("Delete User");
    expect((await scimRequest(token, "GET", `/Users/${user.body!.id}`)).status).toBe(404);
  });
});
