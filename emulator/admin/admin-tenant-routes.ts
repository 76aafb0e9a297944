import type { Router } from "../http/router";
import type { EmulatorServices } from "../services";
import { DEMO_TENANT } from "../seed/demo-tenant";
import { faultSettingsSchema } from "../faults/fault-settings";
import { adminRoute, tenantOf } from "./admin-route";
import { createTenantBatch, tenantBatchBody } from "./create-tenant-batch";
import { appBody, expireCodeBody, expireDeltaBody, permissionBody, redirectUriBody, secretBody, tenantBody } from "./admin-schemas";

/** Tenants, app registrations (secrets, permissions, redirect URIs), faults, delta expiry, request log. */
export function registerAdminTenantRoutes(router: Router, services: EmulatorServices): void {
  const route = (method: string, path: string, action: Parameters<typeof adminRoute>[4], status?: number) =>
    adminRoute(router, services, method, path, action, status);

  route("GET", "/tenants", () => services.state.list().map((tenant) => tenant.describe()));
  route("POST", "/tenants", (_ctx, body) => services.state.createTenant(tenantBody.parse(body)).describe(), 201);
  route("POST", "/tenants/batch", (_ctx, body) => createTenantBatch(services.state, tenantBatchBody.parse(body)), 201);
  route("GET", "/tenants/:tenant", (ctx) => tenantOf(services, ctx).describe());
  route("GET", "/demo", () => (services.state.resolve(DEMO_TENANT.tenantId) ? DEMO_TENANT : null));

  route(
    "POST",
    "/tenants/:tenant/apps",
    (ctx, body) => {
      const input = appBody.parse(body);
      const app = tenantOf(services, ctx).createApp(input);
      const secret = input.secret
        ? app.addSecret({ ...input.secret, expiresAt: input.secret.expiresAt ? new Date(input.secret.expiresAt) : undefined })
        : undefined;
      return { ...app.describe(), ...(secret ? { secret: { ...secret, expiresAt: secret.expiresAt.toISOString() } } : {}) };
    },
    201,
  );
  route("GET", "/tenants/:tenant/apps/:clientId", (ctx) => tenantOf(services, ctx).app(ctx.params.clientId!).describe());
  route(
    "POST",
    "/tenants/:tenant/apps/:clientId/secrets",
    (ctx, body) => {
      const input = secretBody.parse(body);
      const secret = tenantOf(services, ctx)
        .app(ctx.params.clientId!)
        .addSecret({ ...input, expiresAt: input.expiresAt ? new Date(input.expiresAt) : undefined });
      return { ...secret, expiresAt: secret.expiresAt.toISOString() };
    },
    201,
  );
  route("DELETE", "/tenants/:tenant/apps/:clientId/secrets/:keyId", (ctx) => {
    tenantOf(services, ctx).app(ctx.params.clientId!).removeSecret(ctx.params.keyId!);
  });
  route("POST", "/tenants/:tenant/apps/:clientId/permissions", (ctx, body) => {
    const app = tenantOf(services, ctx).app(ctx.params.clientId!);
    app.permissions.add(permissionBody.parse(body).permission);
    return app.describe();
  });
  route("DELETE", "/tenants/:tenant/apps/:clientId/permissions/:permission", (ctx) => {
    const app = tenantOf(services, ctx).app(ctx.params.clientId!);
    app.permissions.delete(ctx.params.permission!);
    return app.describe();
  });
  route("POST", "/tenants/:tenant/apps/:clientId/redirect-uris", (ctx, body) => {
    const app = tenantOf(services, ctx).app(ctx.params.clientId!);
    app.addRedirectUri(redirectUriBody.parse(body).uri);
    return app.describe();
  });

  route("PUT", "/tenants/:tenant/faults", (ctx, body) => {
    const tenant = tenantOf(services, ctx);
    tenant.faults.set(faultSettingsSchema.parse(body));
    return tenant.faults.describe();
  });
  route("GET", "/tenants/:tenant/faults", (ctx) => tenantOf(services, ctx).faults.describe());
  route("DELETE", "/tenants/:tenant/faults", (ctx) => {
    tenantOf(services, ctx).faults.clear();
  });
  route("POST", "/tenants/:tenant/delta/expire", (ctx, body) => {
    tenantOf(services, ctx).expireDeltaTokens(expireDeltaBody.parse(body).answer);
  });
  route("POST", "/authorization-codes/expire", (_ctx, body) => {
    services.codes.expire(expireCodeBody.parse(body).code);
  });

  route("GET", "/requests", (ctx) => {
    const q = ctx.url.searchParams;
    const since = q.get("sinceSeq");
    return services.requestLog.list({
      tenantId: q.get("tenantId") ?? undefined,
      pathPrefix: q.get("pathPrefix") ?? undefined,
      method: q.get("method") ?? undefined,
      sinceSeq: since === null ? undefined : Number(since),
    });
  });
  route("DELETE", "/requests", () => {
    services.requestLog.clear();
  });
}
