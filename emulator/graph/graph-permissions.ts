import { insufficientPrivileges } from "./graph-error";

/**
 * Which permissions open which Graph operation, after Microsoft's permission
 * tables for each API: application permissions arrive in an app token's
 * `roles`, delegated ones in a user token's `scp`.
 */
export const GRAPH_PERMISSIONS = {
  readUsers: {
    application: ["User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
    delegated: ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"],
  },
  readGroups: {
    application: ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
    delegated: ["GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All"],
  },
  readOrganization: {
    application: ["Organization.Read.All", "Organization.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"],
    delegated: ["User.Read", "Organization.Read.All", "Directory.Read.All", "Directory.AccessAsUser.All"],
  },
  readMe: {
    application: [],
    delegated: ["User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All", "Directory.Read.All"],
  },
} as const;

export type GraphOperation = keyof typeof GRAPH_PERMISSIONS;

export interface Grants {
  roles: readonly string[];
  scopes: readonly string[];
}

export function requirePermission(grants: Grants, operation: GraphOperation): void {
  const accepted = GRAPH_PERMISSIONS[operation];
  const ok =
    grants.roles.some((role) => (accepted.application as readonly string[]).includes(role)) ||
    grants.scopes.some((scope) => (accepted.delegated as readonly string[]).includes(scope));
  if (!ok) throw insufficientPrivileges();
}
