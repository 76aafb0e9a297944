import { ConfidentialClientApplication, ServerError } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { DEMO_TENANT } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { watchOutboundConnections } from "./support/outbound-connections";

const GRAPH_DEFAULT = ["https://graph.microsoft.com/.default"];

describe("msal-node ConfidentialClientApplication against the emulator", () => {
  const emulator = useEmulator();

  /** As the portal will configure it: authority on the emulator, knownAuthorities = host:port. */
  function client(clientSecret: string, clientId: string = DEMO_TENANT.clientId) {
    const { url } = emulator();
    return new ConfidentialClientApplication({
      auth: { clientId, clientSecret, authority: `${url}/${DEMO_TENANT.tenantId}`, knownAuthorities: [new URL(url).host] },
    });
  }

  it("gets a Graph token by client credentials and serves the second one from its cache", async () => {
    const { admin } = emulator();
    await admin.clearRequestLog();
    const connections = watchOutboundConnections();
    const cca = client(DEMO_TENANT.clientSecret);

    const first = await cca.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
    const second = await cca.acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });

    expect(first?.accessToken).toBeTruthy();
    expect(second?.accessToken).toBe(first?.accessToken);
    expect(second?.fromCache).toBe(true);
    const log = await admin.requestLog({ tenantId: DEMO_TENANT.tenantId });
    const tokenCalls = log.filter((entry) => entry.path.endsWith("/oauth2/v2.0/token"));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.form).toMatchObject({
      grant_type: "client_credentials",
      client_id: DEMO_TENANT.clientId,
      scope: expect.stringContaining(".default"),
    });
    // With knownAuthorities set, discovery goes to the emulator, never to login.microsoftonline.com.
    expect(log.some((entry) => entry.path === `/${DEMO_TENANT.tenantId}/v2.0/.well-known/openid-configuration`)).toBe(true);
    expect(connections.hosts().length).toBeGreaterThan(0);
    expect(connections.nonLoopback()).toEqual([]);
  });

  it("puts the app's granted application permissions in the token's roles", async () => {
    const result = await client(DEMO_TENANT.clientSecret).acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT });
    const claims = JSON.parse(Buffer.from(result!.accessToken.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({
      tid: DEMO_TENANT.tenantId,
      appid: DEMO_TENANT.clientId,
      idtyp: "app",
      iss: `https://sts.windows.net/${DEMO_TENANT.tenantId}/`,
    });
    expect(claims.roles).toEqual(expect.arrayContaining(["User.Read.All"]));
  });

  it("fails a wrong secret with AADSTS7000215", async () => {
    const failure = await client("not-the-secret")
      .acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServerError);
    expect((failure as ServerError).errorCode).toBe("invalid_client");
    expect((failure as ServerError).errorMessage).toMatch(/Description: AADSTS7000215: Invalid client secret provided/);
  });

  it("fails an expired secret with AADSTS7000222", async () => {
    const { admin } = emulator();
    const app = await admin.createApp(DEMO_TENANT.tenantId, { displayName: "Expired secret app", permissions: ["User.Read.All"] });
    const expired = await admin.addSecret(DEMO_TENANT.tenantId, app.clientId, { expiresAt: new Date(Date.now() - 60_000) });

    const failure = await client(expired.value, app.clientId)
      .acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ServerError);
    expect((failure as ServerError).errorCode).toBe("invalid_client");
    expect((failure as ServerError).errorMessage).toMatch(/Description: AADSTS7000222: The provided client secret keys for app '.+' are expired/);

    const fresh = await admin.addSecret(DEMO_TENANT.tenantId, app.clientId);
    await expect(client(fresh.value, app.clientId).acquireTokenByClientCredential({ scopes: GRAPH_DEFAULT })).resolves.toMatchObject({ tokenType: "Bearer" });
  });
});
