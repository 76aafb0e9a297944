import { generateKeyPairSync } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SignJWT, importPKCS8 } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT, DEMO_USER_IDS, type EmulatorAdmin } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet } from "./support/graph-http";
import { expectGraphShape, graphShapeErrors } from "./support/graph-schema";

describe("Graph access control: tokens, tenants and permissions", () => {
  const emulator = useEmulator();
  let admin: EmulatorAdmin;
  let demoToken = "";
  let otherTenantId = "";
  let otherToken = "";

  beforeAll(async () => {
    admin = emulator().admin;
    demoToken = await appToken(emulator(), DEMO_TENANT.tenantId, DEMO_TENANT.clientId, DEMO_TENANT.clientSecret);
    otherTenantId = (await admin.createTenant({ displayName: "Tailspin Toys" })).id;
    const app = await admin.createApp(otherTenantId, { displayName: "Tailspin sync", permissions: ["User.Read.All"], secret: {} });
    await admin.generateUsers(otherTenantId, 30, "tailspin");
    otherToken = await appToken(emulator(), otherTenantId, app.clientId, app.secret!.value);
  });

  /** Claims like the emulator's own app tokens, signed with whatever key the caller picks. */
  function graphClaims(overrides: Record<string, unknown> = {}) {
    const now = Math.floor(Date.now() / 1000);
    return {
      aud: "https://graph.microsoft.com",
      iss: `https://sts.windows.net/${DEMO_TENANT.tenantId}/`,
      tid: DEMO_TENANT.tenantId,
      appid: DEMO_TENANT.clientId,
      roles: ["User.Read.All"],
      idtyp: "app",
      iat: now,
      nbf: now,
      exp: now + 3600,
      ...overrides,
    };
  }

  async function expectUnauthorized(token: string | null, message: RegExp) {
    const response = await graphGet(emulator(), "/v1.0/users", token);
    expect(response.status).toBe(401);
    expectGraphShape("error", response.body);
    expect(response.body.error.code).toBe("InvalidAuthenticationToken");
    expect(response.body.error.message).toMatch(message);
  }

  it("answers 401 InvalidAuthenticationToken without a token, or with a forged, expired or misaddressed one", async () => {
    await expectUnauthorized(null, /^Access token is empty\.$/);
    await expectUnauthorized("not-a-jwt", /IDX14100/);

    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const forged = await new SignJWT(graphClaims()).setProtectedHeader({ alg: "RS256", typ: "JWT" }).sign(privateKey);
    await expectUnauthorized(forged, /^Access token validation failure/);

    // The emulator's real signing key (same data directory) proves that the checks are about claims, not just keys.
    const pem = await readFile(path.join(process.cwd(), ".data/emulator/token-signing-key.pem"), "utf8");
    const realKey = await importPKCS8(pem, "RS256");
    const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT" }).sign(realKey);
    const past = Math.floor(Date.now() / 1000) - 7200;
    await expectUnauthorized(await sign(graphClaims({ iat: past, nbf: past, exp: past + 3600 })), /token is expired/);
    await expectUnauthorized(await sign(graphClaims({ aud: "api://something-else" })), /Invalid audience/);
    await expectUnauthorized(await sign(graphClaims({ iss: `https://sts.windows.net/${otherTenantId}/` })), /Invalid issuer/);
  });

  it("keeps tenants apart: a token sees only its own tenant's users and paging tokens", async () => {
    const ours = await graphGet(emulator(), "/v1.0/users?$select=id&$top=999", otherToken);
    expect(ours.body.value).toHaveLength(30);
    expect(ours.body.value.map((u: { id: string }) => u.id)).not.toContain(DEMO_USER_IDS.MeganB);

    const theirs = await graphGet(emulator(), `/v1.0/users/${DEMO_USER_IDS.MeganB}`, otherToken);
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe("Request_ResourceNotFound");

    const demoPage = await graphGet(emulator(), "/v1.0/users?$top=5", demoToken);
    const replayed = await graphGet(emulator(), demoPage.body["@odata.nextLink"], otherToken);
    expect(replayed.status).toBe(400);
    const demoDelta = await graphGet(emulator(), "/v1.0/users/delta?$deltatoken=latest", demoToken);
    const crossDelta = await graphGet(emulator(), demoDelta.body["@odata.deltaLink"], otherToken);
    expect(crossDelta.status).toBe(400);
    expect(crossDelta.body.error.code).toBe("syncStateNotFound");
  });

  it("answers 403 Authorization_RequestDenied to an app without User.Read.All", async () => {
    const app = await admin.createApp(DEMO_TENANT.tenantId, { displayName: "Groups only", permissions: ["GroupMember.Read.All"], secret: {} });
    const token = await appToken(emulator(), DEMO_TENANT.tenantId, app.clientId, app.secret!.value);

    for (const path of ["/v1.0/users", "/v1.0/users/delta", `/v1.0/users/${DEMO_USER_IDS.MeganB}`]) {
      const denied = await graphGet(emulator(), path, token);
      expect(denied.status, path).toBe(403);
      expectGraphShape("error", denied.body);
      expect(denied.body.error).toMatchObject({ code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation." });
    }
    expect((await graphGet(emulator(), "/v1.0/groups", token)).status).toBe(200);

    // Permissions are baked into tokens at issue time, as in Entra: a new token after the grant works.
    await admin.grantPermission(DEMO_TENANT.tenantId, app.clientId, "User.Read.All");
    const granted = await appToken(emulator(), DEMO_TENANT.tenantId, app.clientId, app.secret!.value);
    expect((await graphGet(emulator(), "/v1.0/users", granted)).status).toBe(200);
  });

  it("uses a schema check that does reject malformed pages", () => {
    expect(graphShapeErrors("usersPage", { value: [{ id: 42, accountEnabled: "yes" }] })).not.toEqual([]);
    expect(graphShapeErrors("usersDeltaPage", { "@odata.nextLink": "a", "@odata.deltaLink": "b", value: [] })).not.toEqual([]);
    expect(graphShapeErrors("error", { error: { message: "no code" } })).not.toEqual([]);
  });
});
