import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { directoryEntries } from "./directory-entries";

export const roles = ["operator", "manager", "user"] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum("account_role", roles);

export const groupMemberTypes = ["single_site", "multi_site"] as const;
export const groupMemberTypeEnum = pgEnum("group_member_type", groupMemberTypes);

/** Why provisioning suspended a user: the person is disabled at the source, gone from it, or no longer in the provisioning scope. */
export const suspensionReasons = ["disabled_at_source", "removed_at_source", "left_scope"] as const;
export type SuspensionReason = (typeof suspensionReasons)[number];
export const suspensionReasonEnum = pgEnum("account_suspension_reason", suspensionReasons);

/** The fields of a user that provisioning sets and keeps up to date, unless a manager set them by hand. */
export const managedFields = ["name", "email", "extension", "site", "package", "userType", "groupMemberType"] as const;
export type ManagedField = (typeof managedFields)[number];

/**
 * Operators, customer managers and customer users share one table so that an
 * Entra account can be linked to at most one login across all of them: the
 * UNIQUE (aad_tenant_id, aad_object_id) constraint is the rule, not app code.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Null only for platform operators, who belong to no customer.
    customerId: uuid("customer_id").references(() => customers.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    portalId: text("portal_id").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    extension: text("extension"),
    site: text("site"),
    groupMemberType: groupMemberTypeEnum("group_member_type"),
    package: text("package"),
    userType: text("user_type"),
    aadTenantId: uuid("aad_tenant_id"),
    aadObjectId: uuid("aad_object_id"),
    // Linked to an entry imported from Active Directory: may sign in with the directory password.
    ldapObjectGuid: uuid("ldap_object_guid"),
    // Provisioning: the directory entry this user was made for (or adopted from), one user per entry.
    directoryEntryId: uuid("directory_entry_id").references(() => directoryEntries.id, { onDelete: "set null" }),
    // Suspended by provisioning: no sign-in by any method, devices disabled, until the source restores the person.
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedReason: suspensionReasonEnum("suspended_reason"),
    // Removed at the source: deleted (releasing the extension) once this passes.
    deleteAfter: timestamp("delete_after", { withTimezone: true }),
    // Assigned from a range: later syncs never renumber it.
    extensionSticky: boolean("extension_sticky").notNull().default(false),
    // Managed fields a manager changed by hand; provisioning leaves them as they are.
    handSetFields: text("hand_set_fields")
      .array()
      .$type<ManagedField[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    // Carried in the session token and compared on every request: raising it
    // (password change, "sign out of all sessions") ends every session issued before.
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("accounts_entra_link_unique").on(t.aadTenantId, t.aadObjectId),
    unique("accounts_ldap_link_unique").on(t.customerId, t.ldapObjectGuid),
    // One user per directory entry, whichever run (or two at once) provisions it.
    uniqueIndex("accounts_directory_entry_unique")
      .on(t.directoryEntryId)
      .where(sql`${t.directoryEntryId} is not null`),
    index("accounts_delete_after_idx")
      .on(t.deleteAfter)
      .where(sql`${t.deleteAfter} is not null`),
    // An extension is unique in the company, among users and directory entries alike: company_extensions holds that rule.
    index("accounts_customer_role_idx").on(t.customerId, t.role),
    check("accounts_entra_link_complete", sql`(${t.aadTenantId} is null) = (${t.aadObjectId} is null)`),
    check("accounts_customer_matches_role", sql`(${t.role} = 'operator') = (${t.customerId} is null)`),
  ],
);

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

/** The column of each managed field: provisioning reads and writes them, a manager's save tracks them. */
export const managedColumns = {
  name: accounts.name,
  email: accounts.email,
  extension: accounts.extension,
  site: accounts.site,
  package: accounts.package,
  userType: accounts.userType,
  groupMemberType: accounts.groupMemberType,
} satisfies Record<ManagedField, unknown>;
