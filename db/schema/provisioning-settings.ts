import { boolean, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts, groupMemberTypeEnum } from "./accounts";
import { customers } from "./customers";
import { directorySourceEnum } from "./directory-entries";

/** Where a provisioned user's extension comes from: an attribute of the person, the next free number of a range, or the attribute with the range behind it. */
export const extensionModes = ["attribute", "range", "attribute_then_range"] as const;
export type ExtensionMode = (typeof extensionModes)[number];
export const extensionModeEnum = pgEnum("provisioning_extension_mode", extensionModes);

/** How an attribute's value becomes an extension: the value as it is (digits only), the digits after `x`/`ext`, or the number's last N digits. */
export const extensionRules = ["whole", "after_ext", "last_digits"] as const;
export type ExtensionRule = (typeof extensionRules)[number];
export const extensionRuleEnum = pgEnum("provisioning_extension_rule", extensionRules);

/**
 * Provisioning for one source of a company's directory (Entra, Active
 * Directory or SCIM): whether people in scope become portal users, what each
 * gets, and how their extension is chosen. One row per company and source;
 * the three screens share one form and one implementation (lib/provisioning).
 */
export const provisioningSettings = pgTable(
  "provisioning_settings",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    source: directorySourceEnum("source").notNull(),
    enabled: boolean("enabled").notNull().default(false),
    // Empty: every synced person. Otherwise transitive members of these groups
    // (Entra: group object IDs; Active Directory: group DNs).
    scopeGroups: jsonb("scope_groups").$type<{ id: string; displayName: string }[]>().notNull().default([]),
    site: text("site"),
    package: text("package"),
    userType: text("user_type"),
    groupMemberType: groupMemberTypeEnum("group_member_type"),
    extensionMode: extensionModeEnum("extension_mode").notNull().default("range"),
    // The source attribute an extension is read from (extensionAttribute1..15, businessPhones, ipPhone, telephoneNumber, otherTelephone).
    extensionAttribute: text("extension_attribute"),
    extensionRule: extensionRuleEnum("extension_rule").notNull().default("whole"),
    // N for the rule "last N digits".
    extensionDigits: smallint("extension_digits"),
    rangeStart: integer("range_start"),
    rangeEnd: integer("range_end"),
    createSoftphone: boolean("create_softphone").notNull().default(false),
    createMobile: boolean("create_mobile").notNull().default(false),
    // A person removed at the source is suspended at once and deleted (releasing the extension) this many days later.
    graceDays: integer("grace_days").notNull().default(30),
    // Set by every save: the next run looks at every person in the directory, not only at those it changed.
    fullPassPending: boolean("full_pass_pending").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => accounts.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ name: "provisioning_settings_pkey", columns: [t.customerId, t.source] })],
);

export type ProvisioningSettings = typeof provisioningSettings.$inferSelect;
