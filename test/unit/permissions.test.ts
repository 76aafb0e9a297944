import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { assertPermission, can, permissions, rolePermissions, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

const roles = Object.keys(rolePermissions) as Role[];
const none = Object.fromEntries(permissions.map((p) => [p, false])) as Record<Permission, boolean>;
const all = Object.fromEntries(permissions.map((p) => [p, true])) as Record<Permission, boolean>;

/** Every permission named by a server action, route handler (`permission: "…"`) or page guard (`require…Page("…")`) under app/. */
function serverGates(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../../app");
  const files = readdirSync(appDir, { recursive: true, encoding: "utf8" }).filter((file) => /\.tsx?$/.test(file));
  return files.flatMap((file) => {
    const source = readFileSync(path.join(appDir, file), "utf8");
    return [...source.matchAll(/permission: "([\w:-]+)"|require(?:Customer)?Page\("([\w:-]+)"\)/g)].map((m) => m[1] ?? m[2] ?? "");
  });
}

describe("permissions", () => {
  it("lets only the operator manage customers", () => {
    expect(can("operator", "customers:manage")).toBe(true);
    expect(can("manager", "customers:manage")).toBe(false);
    expect(can("user", "customers:manage")).toBe(false);
  });

  it("lets a manager manage their company's users, managers, directory and settings", () => {
    for (const p of ["users:manage", "managers:manage", "directory:manage", "settings:manage", "company:manage"] as const) {
      expect(can("manager", p)).toBe(true);
      expect(can("user", p)).toBe(false);
    }
  });

  it("lets a user read the directory and edit their own profile, nothing more", () => {
    expect(rolePermissions.user).toEqual(["company:read", "directory:read", "profile:edit"]);
  });

  it("gives the operator no customer data", () => {
    expect(can("operator", "directory:read")).toBe(false);
    expect(can("operator", "users:manage")).toBe(false);
  });

  it("grants each role exactly the permissions of the table, no more", () => {
    // The whole role → permission table, spelled out: granting or dropping one anywhere fails here.
    const expected: Record<Role, Record<Permission, boolean>> = {
      operator: { ...none, "customers:manage": true, "profile:edit": true, "audit:read-all": true },
      manager: { ...all, "customers:manage": false, "audit:read-all": false },
      user: { ...none, "company:read": true, "directory:read": true, "profile:edit": true },
    };
    const actual = Object.fromEntries(roles.map((role) => [role, Object.fromEntries(permissions.map((p) => [p, can(role, p)]))]));
    expect(actual).toEqual(expected);
  });

  it("grants every permission to some role and checks it on the server somewhere", () => {
    const gates = serverGates();
    for (const p of permissions) {
      expect(
        roles.filter((role) => can(role, p)),
        `no role holds ${p}`,
      ).not.toEqual([]);
      expect(gates, `no server action, route or page checks ${p}`).toContain(p);
    }
  });

  it("raises a forbidden AppError when a permission is missing", () => {
    expect(() => assertPermission("user", "users:manage")).toThrowError(AppError);
    try {
      assertPermission("user", "users:manage");
    } catch (error) {
      expect((error as AppError).code).toBe("forbidden");
      expect((error as AppError).status).toBe(403);
    }
    expect(() => assertPermission("manager", "users:manage")).not.toThrow();
  });
});
