import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers, entraSettings } from "@/db/schema";
import { isTenantProven } from "@/lib/connectors/entra/settings/proven-tenant";
import { open } from "@/lib/secrets/secret-box";
import { logger } from "@/lib/logger";

export type MicrosoftCompany = {
  customerId: string;
  slug: string;
  name: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  requireMicrosoftSignIn: boolean;
};

/** "contoso", "Contoso " or a portal ID such as "megan@contoso" all name the company contoso. */
export function companySlugFrom(input: string): string {
  const trimmed = input.trim().toLowerCase();
  return trimmed.slice(trimmed.lastIndexOf("@") + 1);
}

/**
 * A company that offers Sign in with Microsoft: its MS AAD settings are saved
 * with Usage = Use and their tenant is proven (a token was issued for it with
 * these credentials) — a company that merely names a tenant signs nobody in
 * from it. The client secret is decrypted here, only in memory, for
 * next-auth's token request; it is never logged nor sent to a browser.
 */
export async function microsoftCompany(by: { slug: string } | { customerId: string }): Promise<MicrosoftCompany | null> {
  const [row] = await db()
    .select({ customer: customers, settings: entraSettings })
    .from(customers)
    .innerJoin(entraSettings, eq(entraSettings.customerId, customers.id))
    .where("slug" in by ? eq(customers.slug, by.slug) : eq(customers.id, by.customerId))
    .limit(1);
  if (!row || !row.settings.enabled || row.customer.suspendedAt) return null;
  if (!isTenantProven(row.settings)) {
    logger.info({ customerId: row.customer.id }, "Microsoft sign-in is off for this company: its tenant is not verified");
    return null;
  }
  const { customer, settings } = row;
  let clientSecret: string;
  try {
    clientSecret = open({ ciphertext: settings.secretCiphertext, keyId: settings.secretKeyId }, customer.id);
  } catch (error) {
    logger.error({ err: error, customerId: customer.id }, "client secret cannot be decrypted; Microsoft sign-in is off for this company");
    return null;
  }
  return {
    customerId: customer.id,
    slug: customer.slug,
    name: customer.name,
    tenantId: settings.tenantId,
    clientId: settings.clientId,
    clientSecret,
    requireMicrosoftSignIn: settings.requireMicrosoftSignIn,
  };
}
