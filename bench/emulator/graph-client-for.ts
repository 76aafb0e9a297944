import { ConfidentialClientApplication } from "@azure/msal-node";
import { Client, PageIterator } from "@microsoft/microsoft-graph-client";

/** msal-node + the Graph client exactly as the portal will configure them for the emulator. */
export function graphClientFor(authorityOrigin: string, graphOrigin: string, tenantId: string, clientId: string, clientSecret: string): Client {
  const cca = new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority: `${authorityOrigin}/${tenantId}`, knownAuthorities: [new URL(authorityOrigin).host] },
  });
  const authProvider = {
    async getAccessToken() {
      const result = await cca.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
      return result!.accessToken;
    },
  };
  return Client.initWithMiddleware({ authProvider, baseUrl: graphOrigin, customHosts: new Set([new URL(graphOrigin).hostname]) });
}

/** Lists every user with PageIterator at $top=999; returns how many it saw. */
export async function listAllUsers(client: Client): Promise<number> {
  let count = 0;
  const first = await client.api("/users").top(999).get();
  await new PageIterator(client, first, () => {
    count++;
    return true;
  }).iterate();
  return count;
}
