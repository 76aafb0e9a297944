import "server-only";
import { authenticateCredential } from "@/lib/directory-credentials/credentials";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { slugOfBindDn } from "@/lib/phonebook/ldap-names";
import { getPhonebookSettings, type PhonebookSettings } from "@/lib/phonebook/published-entries";

/** Who a connection is bound as: one customer's phones. The secret is kept to count (and re-check) each search. */
export type BoundCustomer = {
  customerId: string;
  slug: string;
  secret: string;
  settings: PhonebookSettings;
  country: CountryCode | null;
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
  const credential = await authenticateCredential("phonebook_ldap", secret, perMinute);
  if (!credential || slug === null || credential.customerSlug !== slug) return { ok: false, reason: "invalid" };
  if (credential.overLimit) return { ok: false, reason: "overLimit" };
  const [settings, country] = await Promise.all([
    getPhonebookSettings({ customerId: credential.customerId }),
    getDefaultCountry({ customerId: credential.customerId }),
  ]);
  return { ok: true, customer: { customerId: credential.customerId, slug, secret, settings, country } };
}

/**
 * Each search counts against the credential's rate and proves it still
 * holds: a password revoked or rotated, or a company suspended, stops an
 * open connection at its next search, not only at its next bind.
 */
export async function recheckPhones(customer: BoundCustomer, perMinute: number): Promise<"ok" | "invalid" | "overLimit"> {
  const credential = await authenticateCredential("phonebook_ldap", customer.secret, perMinute);
  if (!credential || credential.customerId !== customer.customerId) return "invalid";
  return credential.overLimit ? "overLimit" : "ok";
}
