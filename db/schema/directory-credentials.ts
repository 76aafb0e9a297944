import { foreignKey, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
 * fast hash is enough); the secret itself is shown once. Every machine
 * request reads the row, and nothing but a manager's change writes it: its
 * uses are counted in directory_credential_uses.
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
  },
  (t) => [primaryKey({ columns: [t.customerId, t.kind] })],
);

/**
 * A credential's uses: when it was last used, and how often in the current
 * fixed window of a minute (its rate). Each process counts its requests and
 * adds them here once a second (lib/directory-credentials/credential-uses.ts);
 * kept apart from the credential, so the reads of every request never meet
 * the versions these writes leave behind. Rotating or revoking the credential
 * removes its row.
 */
export const directoryCredentialUses = pgTable(
  "directory_credential_uses",
  {
    customerId: uuid("customer_id").notNull(),
    kind: directoryCredentialKindEnum("kind").notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    windowCount: integer("window_count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.kind] }),
    foreignKey({
      name: "directory_credential_uses_credential_fk",
      columns: [t.customerId, t.kind],
      foreignColumns: [directoryCredentials.customerId, directoryCredentials.kind],
    }).onDelete("cascade"),
  ],
);

export type DirectoryCredential = typeof directoryCredentials.$inferSelect;
