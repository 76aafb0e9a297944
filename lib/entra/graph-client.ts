import "server-only";
import type { ConfidentialClientApplication } from "@azure/msal-node";
import {
  type Middleware,
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
} from "@microsoft/microsoft-graph-client";
import { graphBaseUrl, graphCustomHosts, graphScope } from "./endpoints";
import { GraphCallObserver, type GraphCallStats } from "./graph-call-observer";

/**
 * A Graph client that authenticates with the customer's app token (from
 * msal's cache) and waits out throttling as Graph asks (Retry-After), up to
 * the SDK's maximum of 10 retries a request.
 */
export function graphClient(
  msal: ConfidentialClientApplication,
  stats: GraphCallStats = { throttleWaits: 0, throttleWaitMs: 0, unavailableRetries: 0 },
): Client {
  const authProvider = {
    async getAccessToken(): Promise<string> {
      const result = await msal.acquireTokenByClientCredential({ scopes: [graphScope()] });
      if (!result?.accessToken) throw new Error("No access token from the identity platform");
      return result.accessToken;
    },
  };
  const chain: Middleware[] = [
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(3, 10)),
    new GraphCallObserver(stats),
    new RedirectHandler(),
    new TelemetryHandler(),
    new HTTPMessageHandler(),
  ];
  chain.reduce((previous, next) => {
    previous.setNext?.(next);
    return next;
  });
  return Client.initWithMiddleware({
    baseUrl: graphBaseUrl(),
    customHosts: graphCustomHosts(),
    middleware: chain[0],
    defaultVersion: "v1.0",
  });
}
