import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Everything a signed-in person may be allowed to do, as data. */
export const permissions = [
  "customers:manage",
  "company:read",
  "company:manage",
  "users:manage",
  "managers:manage",
  "directory:read",
  "directory:manage",
  "settings:manage",
  "profile:edit",
  // A manager links their own login to an Entra account; nobody else's.
  "own-link:manage",
  // Who did what: a manager reads their company's audit log, the operator every company's.
  "audit:read",
  "audit:read-all",
] as const;

export type Permission = (typeof permissions)[number];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  operator: ["customers:manage", "profile:edit", "audit:read-all"],
  manager: [
    "company:read",
    "company:manage",
    "users:manage",
    "managers:manage",
    "directory:read",
    "directory:manage",
    "settings:manage",
    "profile:edit",
    "own-link:manage",
    "audit:read",
  ],
  user: ["company:read", "directory:read", "profile:edit"],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}

export function assertPermission(role: Role, permission: Permission): void {
  if (!can(role, permission)) {
    throw new AppError("forbidden", "You do not have permission to do that.");
  }
}
