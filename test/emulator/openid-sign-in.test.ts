import { createRemoteJWKSet, jwtVerify } from "jose";
import { Issuer, errors, generators, type Client } from "openid-client";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_TENANT, DEMO_USER_IDS } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { signInThroughPage } from "./support/sign-in-driver";

const REDIRECT_URI = "http://localhost:3000/api/auth/callback/azure-ad";
const MEGAN = `MeganB@${DEMO_TENANT.domain}`;

describe("openid-client (next-auth's OIDC library) signing in through the emulator", () => {
  const emulator = useEmulator();
  let issuer: Issuer<Client>;

  beforeAll(async () => {
    issuer = await Issuer.discover(`${emulator().url}/${DEMO_TENANT.tenantId}/v2.0/.well-known/openid-configuration`);
  });

  function newClient(method: "client_secret_basic" | "client_secret_post" = "client_secret_basic", redirectUri = REDIRECT_URI) {
    return new issuer.Client({
      client_id: DEMO_TENANT.clientId,
      client_secret: DEMO_TENANT.clientSecret,
      redirect_uris: [redirectUri],
      response_types: ["code"],
      token_endpoint_auth_method: method,
    });
  }

  function startSignIn(client: Client, redirectUri = REDIRECT_URI) {
    const verifier = generators.codeVerifier();
    const checks = { code_verifier: verifier, nonce: generators.nonce(), state: generators.state() };
    const url = client.authorizationUrl({
      scope: "openid profile email",
      redirect_uri: redirectUri,
      code_challenge: generators.codeChallenge(verifier),
      code_challenge_method: "S256",
      nonce: checks.nonce,
      state: checks.state,
    });
    return { url, checks };
  }

  it("completes an authorization-code sign-in with PKCE and validates signature, iss, aud and nonce", async () => {
    const client = newClient();
    const { url, checks } = startSignIn(client);

    const wrong = await signInThroughPage(url, MEGAN, "not-her-password");
    expect(wrong.status).toBe(200);
    expect(wrong.location).toBeNull();
    expect(wrong.html).toContain("Your account or password is incorrect. (AADSTS50126)");

    const right = await signInThroughPage(url, MEGAN, DEMO_TENANT.userPassword);
    expect(right.status).toBe(302);
    expect(right.location).toMatch(new RegExp(`^${REDIRECT_URI}\\?code=`));
    const tokens = await client.callback(REDIRECT_URI, client.callbackParams(right.location!), checks);

    const claims = tokens.claims();
    expect(issuer.metadata.issuer).toBe(`${emulator().url}/${DEMO_TENANT.tenantId}/v2.0`);
    expect(claims).toMatchObject({
      iss: issuer.metadata.issuer,
      aud: DEMO_TENANT.clientId,
      nonce: checks.nonce,
      tid: DEMO_TENANT.tenantId,
      oid: DEMO_USER_IDS.MeganB,
      name: "Megan Bowen",
      preferred_username: MEGAN,
      email: MEGAN,
      ver: "2.0",
    });
    expect(claims.sub).not.toBe(DEMO_USER_IDS.MeganB);

    // The signature really is checked against the published keys: a tampered token fails.
    const keys = createRemoteJWKSet(new URL(issuer.metadata.jwks_uri!));
    await expect(jwtVerify(tokens.id_token!, keys, { issuer: issuer.metadata.issuer, audience: DEMO_TENANT.clientId })).resolves.toBeTruthy();
    const [header, , signature] = tokens.id_token!.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, oid: DEMO_USER_IDS.PattiF })).toString("base64url");
    await expect(jwtVerify(`${header}.${forged}.${signature}`, keys)).rejects.toThrow(/signature/);
  });

  it("rejects a nonce mismatch (openid-client) and a replayed code (AADSTS54005)", async () => {
    const client = newClient("client_secret_post");
    const { url, checks } = startSignIn(client);
    const { location } = await signInThroughPage(url, MEGAN, DEMO_TENANT.userPassword);
    const params = client.callbackParams(location!);

    await expect(client.callback(REDIRECT_URI, params, { ...checks, nonce: "another-nonce" })).rejects.toThrow(/nonce mismatch/);
    const replay = await client.callback(REDIRECT_URI, params, checks).catch((error: unknown) => error);
    expect(replay).toBeInstanceOf(errors.OPError);
    expect((replay as errors.OPError).error).toBe("invalid_grant");
    expect((replay as errors.OPError).error_description).toMatch(/^AADSTS54005: OAuth2 Authorization code was already redeemed/);
  });

  it("rejects a wrong PKCE verifier (AADSTS501481) and an expired code (AADSTS70008)", async () => {
    const client = newClient();
    const first = startSignIn(client);
    const { location } = await signInThroughPage(first.url, MEGAN, DEMO_TENANT.userPassword);
    const badVerifier = await client
      .callback(REDIRECT_URI, client.callbackParams(location!), { ...first.checks, code_verifier: generators.codeVerifier() })
      .catch((error: unknown) => error);
    expect((badVerifier as errors.OPError).error_description).toMatch(/^AADSTS501481:/);

    const second = startSignIn(client);
    const again = await signInThroughPage(second.url, MEGAN, DEMO_TENANT.userPassword);
    const params = client.callbackParams(again.location!);
    await emulator().admin.expireAuthorizationCode(params.code!);
    const expired = await client.callback(REDIRECT_URI, params, second.checks).catch((error: unknown) => error);
    expect((expired as errors.OPError).error_description).toMatch(/^AADSTS70008:/);
  });

  it.each([
    ["tampered", /signature/],
    ["expired", /expired/],
    ["wrongAudience", /aud mismatch/],
    ["wrongNonce", /nonce mismatch/],
    ["otherTenant", /unexpected iss/],
  ] as const)("issues a %s id_token on request, which openid-client refuses", async (flaw, refusal) => {
    const { admin } = emulator();
    await admin.setFaults(DEMO_TENANT.tenantId, { idToken: flaw });
    try {
      const client = newClient();
      const { url, checks } = startSignIn(client);
      const { location } = await signInThroughPage(url, MEGAN, DEMO_TENANT.userPassword);
      await expect(client.callback(REDIRECT_URI, client.callbackParams(location!), checks)).rejects.toThrow(refusal);
    } finally {
      await admin.clearFaults(DEMO_TENANT.tenantId);
    }
  });

  it("refuses a disabled account on the page and issues nothing", async () => {
    const { admin } = emulator();
    await admin.disableUser(DEMO_TENANT.tenantId, DEMO_USER_IDS.AlexW);
    const { url } = startSignIn(newClient());
    const attempt = await signInThroughPage(url, `AlexW@${DEMO_TENANT.domain}`, DEMO_TENANT.userPassword);
    await admin.enableUser(DEMO_TENANT.tenantId, DEMO_USER_IDS.AlexW);
    expect(attempt.status).toBe(200);
    expect(attempt.location).toBeNull();
    expect(attempt.html).toContain("AADSTS50057");
  });

  it("matches localhost redirect URIs on any port, but nothing else (AADSTS50011)", async () => {
    const otherPort = "http://localhost:4123/api/auth/callback/azure-ad";
    const accepted = startSignIn(newClient("client_secret_basic", otherPort), otherPort);
    const ok = await signInThroughPage(accepted.url, MEGAN, DEMO_TENANT.userPassword);
    expect(ok.location).toMatch(/^http:\/\/localhost:4123\/api\/auth\/callback\/azure-ad\?code=/);

    const elsewhere = "http://127.0.0.1:3000/api/auth/callback/azure-ad";
    const refused = await fetch(startSignIn(newClient("client_secret_basic", elsewhere), elsewhere).url, { redirect: "manual" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("location")).toBeNull();
    expect(await refused.text()).toContain("AADSTS50011");
  });
});
