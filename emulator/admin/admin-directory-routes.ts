import type { Router } from "../http/router";
import type { EmulatorServices } from "../services";
import { generateUsers } from "../seed/generate-users";
import type { GroupRecord } from "../state/group-directory";
import { userInputSchema, userPatchSchema } from "../state/user-input";
import { describeUser, type UserState } from "../state/user-record";
import { adminRoute, tenantOf } from "./admin-route";
import { generateBody, groupBody, memberBody } from "./admin-schemas";

export function describeGroup(group: GroupRecord) {
  const { memberIds, ...rest } = group;
  return { ...rest, memberIds: [...memberIds] };
}

/**
 * Users and groups. Every user mutation goes through UserDirectory, so each one
 * is recorded in the change log and shows up in Graph delta like a real change.
 */
export function registerAdminDirectoryRoutes(router: Router, services: EmulatorServices): void {
  const route = (method: string, path: string, action: Parameters<typeof adminRoute>[4], status?: number) =>
    adminRoute(router, services, method, path, action, status);
  const users = (ctx: Parameters<Parameters<typeof adminRoute>[4]>[0]) => tenantOf(services, ctx).users;

  route("POST", "/tenants/:tenant/users", (ctx, body) => describeUser(users(ctx).create(userInputSchema.parse(body))), 201);
  route(
    "POST",
    "/tenants/:tenant/users/generate",
    (ctx, body) => {
      const input = generateBody.parse(body);
      return generateUsers(tenantOf(services, ctx), input.count, input.seed, { password: input.password });
    },
    201,
  );
  // The truth for assertions: every user in insertion order, any state, paged by ordinal.
  route("GET", "/tenants/:tenant/users", (ctx) => {
    const directory = users(ctx);
    const q = ctx.url.searchParams;
    const state = q.get("state") as UserState | null;
    const limit = Math.min(Number(q.get("limit") ?? 1000), 10_000);
    const out = [];
    let ordinal = Number(q.get("after") ?? -1) + 1;
    for (; ordinal < directory.slotCount && out.length < limit; ordinal++) {
      const user = directory.slotAt(ordinal)!;
      if (!state || user.state === state) out.push(describeUser(user));
    }
    return { users: out, next: ordinal < directory.slotCount ? ordinal - 1 : null, total: directory.activeCount };
  });
  route("GET", "/tenants/:tenant/users/:id", (ctx) => describeUser(users(ctx).get(ctx.params.id!)));
  route("PATCH", "/tenants/:tenant/users/:id", (ctx, body) => describeUser(users(ctx).update(ctx.params.id!, userPatchSchema.parse(body))));
  route("POST", "/tenants/:tenant/users/:id/disable", (ctx) => describeUser(users(ctx).update(ctx.params.id!, { accountEnabled: false })));
  route("POST", "/tenants/:tenant/users/:id/enable", (ctx) => describeUser(users(ctx).update(ctx.params.id!, { accountEnabled: true })));
  route("POST", "/tenants/:tenant/users/:id/soft-delete", (ctx) => describeUser(users(ctx).softDelete(ctx.params.id!)));
  route("POST", "/tenants/:tenant/users/:id/restore", (ctx) => describeUser(users(ctx).restore(ctx.params.id!)));
  route("DELETE", "/tenants/:tenant/users/:id", (ctx) => describeUser(users(ctx).hardDelete(ctx.params.id!)));

  route("POST", "/tenants/:tenant/groups", (ctx, body) => describeGroup(tenantOf(services, ctx).groups.create(groupBody.parse(body))), 201);
  route("GET", "/tenants/:tenant/groups/:id", (ctx) => describeGroup(tenantOf(services, ctx).groups.get(ctx.params.id!)));
  route("POST", "/tenants/:tenant/groups/:id/members", (ctx, body) => {
    const groups = tenantOf(services, ctx).groups;
    groups.addMember(ctx.params.id!, memberBody.parse(body).memberId);
    return describeGroup(groups.get(ctx.params.id!));
  });
  route("DELETE", "/tenants/:tenant/groups/:id/members/:memberId", (ctx) => {
    const groups = tenantOf(services, ctx).groups;
    groups.removeMember(ctx.params.id!, ctx.params.memberId!);
    return describeGroup(groups.get(ctx.params.id!));
  });
}

export type GroupDescription = ReturnType<typeof describeGroup>;
