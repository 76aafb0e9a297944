import { describe, expect, it } from "vitest";
import { assertPermission, can, permissions, rolePermissions } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

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

  it("maps every role only to known permissions", () => {
    for (const granted of Object.values(rolePermissions)) {
      for (const p of granted) expect(permissions).toContain(p);
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
