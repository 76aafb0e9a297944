import "server-only";
import { authenticateCredential } from "@/lib/directory-credentials/credentials";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { slugOfBindDn } from "@/lib/phonebook/ldap-names";
import { getPhonebookSettings, type PhonebookSettings } from "@/lib/phonebook/published-entries";

/** Who a connection is bound as: one customer's phones. The secret is kept to re-check the credential now and then. */
export type BoundCustomer = {
  customerId: string;
  slug: string;
  secret: string;
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
  const credential = await authenticateCredential("phonebook_ldap", secret, perMinute);
  if (!credential || slug === null || credential.customerSlug !== slug) return { ok: false, reason: "invalid" };
  if (credential.overLimit) return { ok: false, reason: "overLimit" };
  const settings = await getPhonebookSettings({ customerId: credential.customerId });
  const country = credential.defaultCountry;
  return { ok: true, customer: { customerId: credential.customerId, slug, secret, settings, country, checkedAt: Date.now() } };
}

// Searches of each credential in this process, in the current minute.
const searchWindows = new Map<string, { startedAt: number; count: number }>();

/**
 * Before each search: counted against the credential's rate in this process
 * (a write to the database per search cost more than the search itself:
 * 60 searches a second instead of hundreds), and every `recheckMs` proven
 * again in the database, which also counts it there — so a revoked or
 * rotated password, or a suspended company, stops an open connection within
 * that time, not only at its next bind.
 */
export async function recheckPhones(customer: BoundCustomer, perMinute: number, recheckMs: number): Promise<"ok" | "invalid" | "overLimit"> {
  const now = Date.now();
  let window = searchWindows.get(customer.customerId);
  if (!window || now - window.startedAt >= 60_000) searchWindows.set(customer.customerId, (window = { startedAt: now, count: 0 }));
  window.count++;
  if (now - customer.checkedAt >= recheckMs) {
    const credential = await authenticateCredential("phonebook_ldap", customer.secret, perMinute);
    if (!credential || credential.customerId !== customer.customerId) return "invalid";
    customer.checkedAt = now;
    if (credential.overLimit) return "overLimit";
  }
  return window.count > perMinute ? "overLimit" : "ok";
}
