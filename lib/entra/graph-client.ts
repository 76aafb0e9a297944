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
import { BodyAdmissionHandler } from "./body-admission";
import type { BudgetKey } from "./budget/graph-budget";
import { graphBudgetFor } from "./budget/graph-budget-for";
import { GraphCallObserver, emptyGraphCallStats, type GraphCallStats } from "./graph-call-observer";

/**
 * A Graph client that authenticates with the customer's app token (from
 * msal's cache), spends every request from the (app, tenant) pair's shared
 * budget (lib/entra/budget/) and waits out throttling as Graph asks
 * (Retry-After), up to the SDK's maximum of 10 retries a request. A request
 * may ask for its answer to be read only once admitted (body-admission.ts).
 * Every Graph request of the portal is made through a client made here.
 */
export function graphClient(msal: ConfidentialClientApplication, budgetKey: BudgetKey, stats: GraphCallStats = emptyGraphCallStats()): Client {
  const authProvider = {
    async getAccessToken(): Promise<string> {
      const result = await msal.acquireTokenByClientCredential({ scopes: [graphScope()] });
      if (!result?.accessToken) throw new Error("No access token from the identity platform");
      return result.accessToken;
    },
  };
  const chain: Middleware[] = [
    new BodyAdmissionHandler(),
    new AuthenticationHandler(authProvider),
    new RetryHandler(new RetryHandlerOptions(3, 10)),
    new GraphCallObserver(stats, graphBudgetFor(budgetKey), budgetKey.tenantId),
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
