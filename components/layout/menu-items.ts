import type { Permission } from "@/lib/auth/permissions";

/** The left menu; each item shows only to roles that hold its permission. */
export const menuItems: readonly { href: string; label: string; permission: Permission }[] = [
  { href: "/operator/customers", label: "Customers", permission: "customers:manage" },
  { href: "/company", label: "Company", permission: "company:read" },
  { href: "/users", label: "User", permission: "users:manage" },
  { href: "/directory", label: "Company Directory", permission: "directory:read" },
  { href: "/authority/managers", label: "Authority Setting", permission: "managers:manage" },
  { href: "/me", label: "My Information", permission: "profile:edit" },
];
