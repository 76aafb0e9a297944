import { ConfidentialClientApplication } from "@azure/msal-node";
import { Client, MiddlewareFactory, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import type { RunningEmulator } from "@/emulator";
import { expectValidGraphResponse } from "./graph-schema";

/** msal-node configured as the portal configures it, wrapped as the Graph client's auth provider. */
export function msalAuthProvider(emulator: RunningEmulator, tenantId: string, clientId: string, clientSecret: string) {
  const cca = new ConfidentialClientApplication({
    auth: { clientId, clientSecret, authority: `${emulator.url}/${tenantId}`, knownAuthorities: [new URL(emulator.url).host] },
  });
  return {
    async getAccessToken(): Promise<string> {
      const result = await cca.acquireTokenByClientCredential({ scopes: ["https://graph.microsoft.com/.default"] });
      if (!result) throw new Error("msal returned no token");
      return result.accessToken;
    },
  };
}

/**
 * Test instrumentation placed just before the HTTP handler of the Graph
 * client's own default chain: it records every response body the client
 * received and checks each one against Microsoft's schema.
 */
export class ResponseRecorder implements Middleware {
  readonly bodies: { url: string; status: number; body: unknown }[] = [];
  private next?: Middleware;

  async execute(context: Context): Promise<void> {
    await this.next!.execute(context);
    const response = context.response;
    if (!response) return;
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const text = await response.clone().text();
    const body = text ? JSON.parse(text) : null;
    expectValidGraphResponse(url, response.status, body);
    this.bodies.push({ url, status: response.status, body });
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * The real Graph client against the emulator: baseUrl on the emulator and
 * customHosts set (without it the client sends no Authorization header to a
 * non-Microsoft host). The default middleware chain is used unchanged apart
 * from a recorder in front of the HTTP handler, which validates every body.
 */
export function graphClient(
  emulator: RunningEmulator,
  authProvider: { getAccessToken(): Promise<string> },
  options: { customHosts?: boolean; recorder?: ResponseRecorder } = {},
): Client {
  const customHosts = options.customHosts === false ? undefined : new Set([new URL(emulator.url).hostname]);
  const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
  chain.splice(chain.length - 1, 0, options.recorder ?? new ResponseRecorder());
  return Client.initWithMiddleware({ middleware: chain, baseUrl: emulator.url, customHosts });
}
