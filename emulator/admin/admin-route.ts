import type { RequestContext } from "../http/request-context";
import { readJson } from "../http/read-body";
import type { Handler, Router } from "../http/router";
import { PLAIN_JSON, sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import type { Tenant } from "../state/tenant";
import { requireAdmin } from "./admin-guard";

export type AdminAction = (ctx: RequestContext, body: unknown) => unknown | Promise<unknown>;

/** Registers one admin endpoint: guard, JSON body in, JSON out (201 for POST that creates). */
export function adminRoute(router: Router, services: EmulatorServices, method: string, path: string, action: AdminAction, status = 200): void {
  const handler: Handler = async (ctx) => {
    requireAdmin(ctx, services.adminKey);
    const body = method === "GET" || method === "DELETE" ? {} : await readJson(ctx.req);
    const result = await action(ctx, body);
    if (result === undefined) {
      ctx.res.writeHead(204).end();
      return;
    }
    sendJson(ctx, status, result, PLAIN_JSON);
  };
  router.on(method, `/_emulator${path}`, handler);
}

/** The tenant named by the `:tenant` path parameter (GUID or domain). */
export function tenantOf(services: EmulatorServices, ctx: RequestContext): Tenant {
  return services.state.get(ctx.params.tenant ?? "");
}
