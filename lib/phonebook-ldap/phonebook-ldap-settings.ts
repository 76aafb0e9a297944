import { z } from "zod";
import { parseEnv } from "@/lib/config/parse-env";

const positive = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * What the LDAP phonebook process reads besides lib/env.ts (the database,
 * PHONEBOOK_REQUESTS_PER_MINUTE, and its ports, which the Phonebooks screen
 * shows too). The certificate and key are PEM files; the launcher gives the
 * demo its local CA's.
 */
const schema = z.object({
  PHONEBOOK_LDAP_HOST: z.string().min(1).default("0.0.0.0"),
  PHONEBOOK_LDAP_TLS_CERT: z.string({ message: "must name the PEM certificate file of the LDAP phonebook" }).min(1),
  PHONEBOOK_LDAP_TLS_KEY: z.string({ message: "must name the PEM key file of the LDAP phonebook" }).min(1),
  // The most entries one answer, or one page of a paged search, holds.
  PHONEBOOK_LDAP_SIZE_LIMIT: positive(500),
  PHONEBOOK_LDAP_MAX_CONNECTIONS: positive(1000),
  PHONEBOOK_LDAP_IDLE_SECONDS: positive(300),
  PHONEBOOK_LDAP_MAX_MESSAGE_BYTES: positive(65_536),
  // How often an open connection's password is proven again (a revoked one stops working within this time).
  PHONEBOOK_LDAP_RECHECK_SECONDS: positive(10),
});

export type PhonebookLdapSettings = z.infer<typeof schema>;

export function phonebookLdapSettings(source: Record<string, string | undefined> = process.env): PhonebookLdapSettings {
  return parseEnv(schema, source);
}
