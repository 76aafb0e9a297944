import type { Permission } from "@/lib/auth/permissions";

export type MenuItem = {
  href: string;
  label: string;
  /** The part of the portal the item stands for, when more than its own page (every Authority Setting tab). */
  section?: string;
};

/** The left menu; each item shows only to roles that hold its permission. */
export const menuItems: readonly (MenuItem & { permission: Permission })[] = [
  { href: "/operator/customers", label: "Customers", permission: "customers:manage" },
  { href: "/company", label: "Company", permission: "company:read" },
  { href: "/users", label: "User", permission: "users:manage" },
  { href: "/directory", label: "Company Directory", permission: "directory:read" },
  { href: "/authority/managers", label: "Authority Setting", section: "/authority", permission: "managers:manage" },
  { href: "/audit", label: "Audit Log", permission: "audit:read" },
  { href: "/operator/audit", label: "Audit Log", permission: "audit:read-all" },
  { href: "/me", label: "My Information", permission: "profile:edit" },
];
