import type { EmulatorState } from "../state/emulator-state";
import { guidFromName, isGuid } from "../state/ids";
import type { Tenant } from "../state/tenant";
import { generateUsers } from "./generate-users";
import { seedDemoTenant } from "./seed-demo-tenant";
import { seedFileSchema, type ParsedSeedFile, type SeedFile } from "./seed-file";

const SECRET_LIFETIME_MS = 729 * 24 * 60 * 60 * 1000;

/** Fills a fresh state from "demo", "empty" or a seed file. Returns whether the demo tenant exists. */
export function applySeed(state: EmulatorState, seed: "demo" | "empty" | SeedFile): boolean {
  if (seed === "empty") return false;
  if (seed === "demo") {
    seedDemoTenant(state);
    return true;
  }
  const file = seedFileSchema.parse(seed);
  if (file.demo) seedDemoTenant(state);
  for (const input of file.tenants) seedTenant(state, input);
  return file.demo;
}

function seedTenant(state: EmulatorState, input: ParsedSeedFile["tenants"][number]): void {
  const tenant = state.createTenant({
    id: input.id ?? guidFromName(`seed:tenant:${input.displayName.toLowerCase()}`),
    displayName: input.displayName,
    domains: input.domains,
  });
  for (const app of input.apps) {
    const registration = tenant.createApp({ ...app, clientId: app.clientId ?? guidFromName(`seed:app:${tenant.id}:${app.displayName}`) });
    for (const secret of app.secrets) {
      registration.addSecret({ value: secret.value, keyId: secret.keyId, expiresAt: new Date(secret.expiresAt ?? Date.now() + SECRET_LIFETIME_MS) });
    }
  }
  for (const { manager, ...user } of input.users) {
    tenant.users.create({ ...user, id: user.id ?? guidFromName(`seed:user:${tenant.id}:${user.userPrincipalName.toLowerCase()}`) });
  }
  for (const { manager, userPrincipalName } of input.users) {
    if (manager) tenant.users.update(tenant.users.findByUpn(userPrincipalName)!.id, { managerId: tenant.users.findByUpn(manager)?.id ?? missing(manager) });
  }
  if (input.generate) generateUsers(tenant, input.generate.count, input.generate.seed, { password: input.generate.password });
  const groupIds = new Map<string, string>();
  for (const group of input.groups) {
    const created = tenant.groups.create({ ...group, id: group.id ?? guidFromName(`seed:group:${tenant.id}:${group.displayName}`) });
    groupIds.set(group.displayName.toLowerCase(), created.id);
  }
  for (const group of input.groups) {
    const id = groupIds.get(group.displayName.toLowerCase())!;
    for (const member of group.members) tenant.groups.addMember(id, resolveMember(tenant, groupIds, member));
  }
}

function resolveMember(tenant: Tenant, groupIds: Map<string, string>, member: string): string {
  if (member.includes("@")) return tenant.users.findByUpn(member)?.id ?? missing(member);
  if (isGuid(member)) return member;
  return groupIds.get(member.toLowerCase()) ?? missing(member);
}

function missing(reference: string): never {
  throw new Error(`Seed file refers to '${reference}', which is not defined in the same tenant.`);
}
