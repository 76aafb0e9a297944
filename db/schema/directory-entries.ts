import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const directorySources = ["manual", "entra", "scim", "active-directory"] as const;
export type DirectorySource = (typeof directorySources)[number];
export const directorySourceEnum = pgEnum("directory_source", directorySources);

export const directoryStatuses = ["active", "disabled", "removed"] as const;
export type DirectoryStatus = (typeof directoryStatuses)[number];
export const directoryStatusEnum = pgEnum("directory_status", directoryStatuses);

/** The company directory: typed in by a manager, synced from Entra, pushed by SCIM, or imported from Active Directory. */
export const directoryEntries = pgTable(
  "directory_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // No foreign key: a sync writes entries a thousand at a time, and checking
    // each against customers cost a fifth of writing them (bench/sync).
    // Customers are never deleted; a feature that deletes one must delete its entries.
    customerId: uuid("customer_id").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    displayName: text("display_name").notNull(),
    email: text("email"),
    // As the source wrote them (free text in Entra and AD)…
    officePhone: text("office_phone"),
    mobilePhone: text("mobile_phone"),
    // …and in E.164 (lib/phone/phone-fields.ts), with the company's default country: null when there is none or it
    // does not parse. Every number of the entry (office, mobile, every business phone and otherTelephone) in E.164
    // is in phones_e164, which caller-ID searches; a number that does not parse is kept, raw, in unparsed_phones.
    officePhoneE164: text("office_phone_e164"),
    mobilePhoneE164: text("mobile_phone_e164"),
    phonesE164: text("phones_e164")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    unparsedPhones: text("unparsed_phones")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // A local field: never written by a sync, so a manager may set it on any entry.
    extension: text("extension"),
    source: directorySourceEnum("source").notNull().default("manual"),
    aadTenantId: uuid("aad_tenant_id"),
    aadObjectId: uuid("aad_object_id"),
    userPrincipalName: text("user_principal_name"),
    // Imported from Active Directory (LDAPS): objectGUID is the stable key, sAMAccountName the account.
    ldapObjectGuid: uuid("ldap_object_guid"),
    accountName: text("account_name"),
    jobTitle: text("job_title"),
    department: text("department"),
    // What else the source says about the person (Entra: officeLocation, employeeId, companyName, city,
    // country, manager, extensionAttribute1..15, every businessPhone; AD: ipPhone, otherTelephone, manager…):
    // shown on the entry page and read by provisioning's extension rules. Written by the sync as a whole.
    attributes: jsonb("attributes").$type<SourceAttributes>().notNull().default({}),
    status: directoryStatusEnum("status").notNull().default("active"),
    // Pushed by SCIM (the Federated Directory attribute list).
    externalId: text("external_id"),
    employeeNumber: text("employee_number"),
    costCenter: text("cost_center"),
    manager: text("manager"),
    preferredLanguage: text("preferred_language"),
    address: text("address"),
    // The SCIM resource as Entra last wrote it, so GET answers with every attribute it sent.
    scimResource: jsonb("scim_resource").$type<Record<string, unknown>>(),
    // The sync run that last wrote the entry (no foreign key: runs are history, deleted on their own).
    // A retried attempt finds what an earlier attempt of its run wrote, and does not count it twice.
    lastRunId: uuid("last_run_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Each connector's key is unique per customer. Partial: the entries of other sources have none, and need no index entry.
    // A query that finds entries by a join on the key must say `key is not null` for PostgreSQL to use these.
    uniqueIndex("directory_entries_customer_object_unique")
      .on(t.customerId, t.aadObjectId)
      .where(sql`${t.aadObjectId} is not null`),
    uniqueIndex("directory_entries_customer_ldap_guid_unique")
      .on(t.customerId, t.ldapObjectGuid)
      .where(sql`${t.ldapObjectGuid} is not null`),
    index("directory_entries_customer_name_idx").on(t.customerId, t.displayName),
    // Caller-ID and the directory's search find an entry by any of its numbers: `phones_e164 @> array[$number]`.
    // A GIN index on the array answers that containment with the few entries holding the number (across customers;
    // the customer is checked on those rows), where a btree could only index the array as a whole. Entries without
    // numbers add nothing to it, and GIN's pending list keeps a sync's page writes cheap.
    index("directory_entries_phones_e164_idx").using("gin", t.phonesE164),
    // SCIM's userName is unique (case-insensitively) among a customer's live SCIM entries.
    uniqueIndex("directory_entries_scim_user_name_unique")
      .on(t.customerId, sql`lower(${t.userPrincipalName})`)
      .where(sql`${t.source} = 'scim' and ${t.status} <> 'removed'`),
  ],
);

/** A source's extra attributes: single values, or lists for multi-valued ones (businessPhones, otherTelephone). */
export type SourceAttributes = Record<string, string | string[]>;

export type DirectoryEntry = typeof directoryEntries.$inferSelect;
export type NewDirectoryEntry = typeof directoryEntries.$inferInsert;
