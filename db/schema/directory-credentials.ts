import { integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";

/** What a credential opens: the remote phonebooks over HTTPS, the LDAP phonebook, or the caller-ID API. */
export const directoryCredentialKinds = ["phonebook_http", "phonebook_ldap", "caller_id"] as const;
export type DirectoryCredentialKind = (typeof directoryCredentialKinds)[number];
export const directoryCredentialKindEnum = pgEnum("directory_credential_kind", directoryCredentialKinds);

/**
 * The secrets that let a company's phones and PBX read its directory: one of
 * each kind per customer (rotating replaces it, revoking deletes it). Only a
 * SHA-256 hash is kept, as for SCIM tokens (a secret is 256 random bits, so a
 * fast hash is enough); the secret itself is shown once. The row also counts
 * its requests in a fixed window, so authenticating and rate-limiting a
 * request is one UPDATE.
 */
export const directoryCredentials = pgTable(
  "directory_credentials",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: directoryCredentialKindEnum("kind").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    // The last characters, so a manager can tell which secret a phone holds.
    hint: text("hint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    windowCount: integer("window_count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.kind] })],
);

export type DirectoryCredential = typeof directoryCredentials.$inferSelect;
