import { z } from "zod";
import type { Router } from "../http/router";
import type { EmulatorServices } from "../services";
import { lifecycleEvents } from "../subscriptions/subscription-record";
import { adminRoute, tenantOf } from "./admin-route";

const policyBody = z.object({
  validationTimeoutMs: z.number().int().min(1).max(60_000).optional(),
  clockOffsetMs: z
    .number()
    .int()
    .min(0)
    .max(400 * 24 * 3600 * 1000)
    .optional(),
});
const lifecycleBody = z.object({ event: z.enum(lifecycleEvents) });
const forgeBody = z.object({
  clientState: z.string().max(1024).nullable().optional(),
  subscriptionId: z.string().max(256).optional(),
  tenantId: z.string().max(256).optional(),
  userId: z.string().max(256).optional(),
});

/** Graph subscriptions seen from the test's side: policy, lifecycle events on demand, forged notifications, the delivery log. */
export function registerAdminSubscriptionRoutes(router: Router, services: EmulatorServices): void {
  const route = (method: string, path: string, action: Parameters<typeof adminRoute>[4], status?: number) =>
    adminRoute(router, services, method, path, action, status);
  const store = (ctx: Parameters<Parameters<typeof adminRoute>[4]>[0]) => tenantOf(services, ctx).subscriptions;

  route("GET", "/tenants/:tenant/subscriptions", (ctx) => store(ctx).describe());
  route("PUT", "/tenants/:tenant/subscription-policy", (ctx, body) => store(ctx).setPolicy(policyBody.parse(body)));
  route("POST", "/tenants/:tenant/subscriptions/:id/lifecycle", (ctx, body) => store(ctx).lifecycle(ctx.params.id!, lifecycleBody.parse(body).event));
  route("POST", "/tenants/:tenant/subscriptions/:id/forge", (ctx, body) => store(ctx).forge(ctx.params.id!, forgeBody.parse(body)));
  route("GET", "/tenants/:tenant/notifications", (ctx) => store(ctx).deliveryLog(Number(ctx.url.searchParams.get("sinceSeq") ?? 0)));
}
