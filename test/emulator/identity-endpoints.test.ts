import { ConfidentialClientApplication, CryptoProvider } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { DEMO_TENANT, DEMO_USER_IDS } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { postToken } from "./support/graph-http";
import { signInThroughPage } from "./support/sign-in-driver";

const REDIRECT_URI = "http://localhost:3000/api/auth/callback/azure-ad";
const CLIENT_CREDENTIALS = {
  grant_type: "client_credentials",
  client_id: DEMO_TENANT.clientId,
  client_secret: DEMO_TENANT.clientSecret,
  scope: "https://graph.microsoft.com/.default",
};

describe("identity endpoints", () => {
  const emulator = useEmulator();

  it("serves a v2.0 discovery document for the tenant GUID or domain, with every endpoint on the emulator", async () => {
    const { url } = emulator();
    for (const tenant of [DEMO_TENANT.tenantId, DEMO_TENANT.domain]) {
      const response = await fetch(`${url}/${tenant}/v2.0/.well-known/openid-configuration?appid=${DEMO_TENANT.clientId}`);
      const document = await response.json();
      expect(document).toMatchObject({
        issuer: `${url}/${DEMO_TENANT.tenantId}/v2.0`,
        authorization_endpoint: `${url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/authorize`,
        token_endpoint: `${url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/token`,
        jwks_uri: `${url}/${DEMO_TENANT.tenantId}/discovery/v2.0/keys`,
        token_endpoint_auth_methods_supported: expect.arrayContaining(["client_secret_post", "client_secret_basic"]),
        id_token_signing_alg_values_supported: ["RS256"],
      });
      expect(JSON.stringify(document)).not.toMatch(/microsoftonline|graph\.microsoft|windows\.net/);
    }
    const keys = await (await fetch(`${url}/${DEMO_TENANT.tenantId}/discovery/v2.0/keys`)).json();
    expect(keys.keys).toEqual([expect.objectContaining({ kty: "RSA", use: "sig", alg: "RS256", kid: expect.any(String), n: expect.any(String), e: "AQAB" })]);
  });

  it("answers token errors with OAuth JSON and real AADSTS codes", async () => {
    const cases: [string, Record<string, string>, number, string, number][] = [
      ["00000000-0000-0000-0000-0000000000aa", CLIENT_CREDENTIALS, 400, "invalid_request", 90002],
      [DEMO_TENANT.tenantId, { ...CLIENT_CREDENTIALS, client_id: "00000000-0000-0000-0000-0000000000bb" }, 400, "unauthorized_client", 700016],
      [DEMO_TENANT.tenantId, { ...CLIENT_CREDENTIALS, client_secret: "" }, 401, "invalid_client", 7000218],
      [DEMO_TENANT.tenantId, { ...CLIENT_CREDENTIALS, client_secret: "wrong" }, 401, "invalid_client", 7000215],
      [DEMO_TENANT.tenantId, { ...CLIENT_CREDENTIALS, scope: "User.Read.All" }, 400, "invalid_scope", 1002012],
      [DEMO_TENANT.tenantId, { ...CLIENT_CREDENTIALS, scope: "api://unknown/.default" }, 400, "invalid_resource", 500011],
      [DEMO_TENANT.tenantId, { ...CLIENT_CREDENTIALS, grant_type: "password" }, 400, "unsupported_grant_type", 70003],
    ];
    for (const [tenant, form, status, error, code] of cases) {
      const response = await postToken(emulator(), tenant, form);
      expect(response.status, String(code)).toBe(status);
      expect(response.body, String(code)).toMatchObject({
        error,
        error_codes: [code],
        error_description: expect.stringMatching(new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: .+\\r\\nCorrelation ID: .+\\r\\nTimestamp: `)),
      });
    }
  });

  it("accepts client_secret_basic as well as client_secret_post", async () => {
    const { client_id, client_secret, ...form } = CLIENT_CREDENTIALS;
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(client_id)}:${encodeURIComponent(client_secret)}`).toString("base64")}`;
    const response = await postToken(emulator(), DEMO_TENANT.tenantId, form, { authorization: basic });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ token_type: "Bearer", expires_in: 3599, access_token: expect.any(String) });
  });

  it("can take the token endpoint down and add latency, per tenant", async () => {
    const { admin } = emulator();
    await admin.setFaults(DEMO_TENANT.tenantId, { tokenOutage: { requests: 2 } });
    for (let i = 0; i < 2; i++) {
      const down = await postToken(emulator(), DEMO_TENANT.tenantId, CLIENT_CREDENTIALS);
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ error: "temporarily_unavailable", error_codes: [90033] });
    }
    expect((await postToken(emulator(), DEMO_TENANT.tenantId, CLIENT_CREDENTIALS)).status).toBe(200);

    // Retry-After only when asked for: without it msal-node holds a client back for 60 s.
    await admin.setFaults(DEMO_TENANT.tenantId, { tokenOutage: { requests: 2, retryAfterSeconds: 1 } });
    const withRetryAfter = await postToken(emulator(), DEMO_TENANT.tenantId, CLIENT_CREDENTIALS);
    expect(withRetryAfter).toMatchObject({ status: 503, body: { error: "temporarily_unavailable", error_codes: [90033] } });
    expect(withRetryAfter.headers.get("retry-after")).toBe("1");
    expect(await admin.getFaults(DEMO_TENANT.tenantId)).toMatchObject({ tokenOutageLeft: 1 });

    await admin.setFaults(DEMO_TENANT.tenantId, { latencyMs: 300 });
    const started = performance.now();
    expect((await postToken(emulator(), DEMO_TENANT.tenantId, CLIENT_CREDENTIALS)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await admin.clearFaults(DEMO_TENANT.tenantId);
  });

  it("shows errors it cannot send back on its own page, and redirects the rest to the app", async () => {
    const { url } = emulator();
    const authorize = (tenant: string, params: Record<string, string>) =>
      fetch(`${url}/${tenant}/oauth2/v2.0/authorize?${new URLSearchParams(params)}`, { redirect: "manual" });
    const base = { client_id: DEMO_TENANT.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "s1" };

    const unknownTenant = await authorize("11111111-2222-3333-4444-555555555555", base);
    expect(unknownTenant.status).toBe(400);
    expect(await unknownTenant.text()).toContain("AADSTS90002");
    const unknownApp = await authorize(DEMO_TENANT.tenantId, { ...base, client_id: "11111111-2222-3333-4444-555555555555" });
    expect(await unknownApp.text()).toContain("AADSTS700016");

    const implicit = await authorize(DEMO_TENANT.tenantId, { ...base, response_type: "token" });
    expect(implicit.status).toBe(302);
    const location = new URL(implicit.headers.get("location")!);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ error: "unsupported_response_type", state: "s1" });

    const formPost = await signInThroughPage(
      `${url}/${DEMO_TENANT.tenantId}/oauth2/v2.0/authorize?${new URLSearchParams({ ...base, response_mode: "form_post" })}`,
      `AdeleV@${DEMO_TENANT.domain}`,
      DEMO_TENANT.userPassword,
    );
    expect(formPost.status).toBe(200);
    expect(formPost.html).toContain(`action="${REDIRECT_URI}"`);
    expect(formPost.html).toMatch(/name="code" value="[^"]+"/);
  });

  it("completes msal-node's authorization-code flow with PKCE (account from client_info)", async () => {
    const { url } = emulator();
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: DEMO_TENANT.clientId,
        clientSecret: DEMO_TENANT.clientSecret,
        authority: `${url}/${DEMO_TENANT.tenantId}`,
        knownAuthorities: [new URL(url).host],
      },
    });
    const pkce = await new CryptoProvider().generatePkceCodes();
    const authUrl = await cca.getAuthCodeUrl({
      scopes: ["User.Read"],
      redirectUri: REDIRECT_URI,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: "S256",
      state: "msal-state",
    });
    const { location } = await signInThroughPage(authUrl, `DiegoS@${DEMO_TENANT.domain}`, DEMO_TENANT.userPassword);
    const code = new URL(location!).searchParams.get("code")!;

    const result = await cca.acquireTokenByCode({ code, scopes: ["User.Read"], redirectUri: REDIRECT_URI, codeVerifier: pkce.verifier });

    expect(result.account).toMatchObject({
      homeAccountId: `${DEMO_USER_IDS.DiegoS}.${DEMO_TENANT.tenantId}`,
      tenantId: DEMO_TENANT.tenantId,
      username: `DiegoS@${DEMO_TENANT.domain}`,
    });
    expect(result.idTokenClaims).toMatchObject({ oid: DEMO_USER_IDS.DiegoS, tid: DEMO_TENANT.tenantId });
    const me = await fetch(`${url}/v1.0/me`, { headers: { authorization: `Bearer ${result.accessToken}` } });
    expect(await me.json()).toMatchObject({ id: DEMO_USER_IDS.DiegoS, displayName: "Diego Siciliani" });
  });
});
