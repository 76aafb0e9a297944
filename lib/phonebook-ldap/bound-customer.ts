import "server-only";
import { countUse } from "@/lib/directory-credentials/credential-uses";
import { authenticateHash, hashOfPresented } from "@/lib/directory-credentials/credentials";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { slugOfBindDn } from "@/lib/phonebook/ldap-names";
import { getPhonebookSettings, type PhonebookSettings } from "@/lib/phonebook/published-entries";

/** Who a connection is bound as: one customer's phones. */
export type BoundCustomer = {
  customerId: string;
  slug: string;
  /** The password's hash, to re-check the credential now and then and count its uses (the password is not kept). */
  secretHash: string;
  settings: PhonebookSettings;
  country: CountryCode | null;
  /** When the credential was last proven in the database (Date.now()). */
  checkedAt: number;
};

export type BindOutcome = { ok: true; customer: BoundCustomer } | { ok: false; reason: "invalid" | "overLimit" };

/**
 * A simple bind as `cn=phones,o=<slug>,dc=switchboard` with the company's
 * LDAP phonebook password. A wrong password, an unknown or malformed DN,
 * another company's password, a revoked one and a suspended company are all
 * the same "invalid": the credential is always looked up, so a DN that names
 * no company takes as long as one that does.
 */
export async function bindPhones(dn: string, secret: string, perMinute: number): Promise<BindOutcome> {
  const slug = slugOfBindDn(dn);
  const secretHash = hashOfPresented(secret);
  if (secretHash === null) return { ok: false, reason: "invalid" };
  const credential = await authenticateHash("phonebook_ldap", secretHash, perMinute);
  if (!credential || slug === null || credential.customerSlug !== slug) return { ok: false, reason: "invalid" };
  if (credential.overLimit) return { ok: false, reason: "overLimit" };
  const settings = await getPhonebookSettings({ customerId: credential.customerId });
  const country = credential.defaultCountry;
  return { ok: true, customer: { customerId: credential.customerId, slug, secretHash, settings, country, checkedAt: Date.now() } };
}

/**
 * Before each search: counted against the credential's rate like any of its
 * uses (lib/directory-credentials/credential-uses.ts), and every `recheckMs`
 * proven again in the database, so a revoked or rotated password, or a
 * suspended company, stops an open connection within that time, not only at
 * its next bind.
 */
export async function recheckPhones(customer: BoundCustomer, perMinute: number, recheckMs: number): Promise<"ok" | "invalid" | "overLimit"> {
  const now = Date.now();
  if (now - customer.checkedAt < recheckMs) return countUse(customer.secretHash) > perMinute ? "overLimit" : "ok";
  const credential = await authenticateHash("phonebook_ldap", customer.secretHash, perMinute);
  if (!credential || credential.customerId !== customer.customerId) return "invalid";
  customer.checkedAt = now;
  return credential.overLimit ? "overLimit" : "ok";
}
