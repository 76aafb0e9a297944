import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { entraSettings } from "@/db/schema";
import { isResourceId } from "./scim-context";

/**
 * When Entra's provisioning maps the user's object ID to externalId (a GUID),
 * the entry is that Entra account — in the tenant of the company's MS AAD
 * settings — so it can be linked to a login and used by Sign in with
 * Microsoft, which then follows the entry's active flag. (Entra's default
 * mapping sends mailNickname instead; such entries are contacts only.)
 */
export async function entraIdentityFor(customerId: string, externalId: string | null): Promise<{ aadTenantId: string | null; aadObjectId: string | null }> {
  if (!externalId || !isResourceId(externalId)) return { aadTenantId: null, aadObjectId: null };
  const [settings] = await db().select({ tenantId: entraSettings.tenantId }).from(entraSettings).where(eq(entraSettings.customerId, customerId)).limit(1);
  return settings ? { aadTenantId: settings.tenantId, aadObjectId: externalId.toLowerCase() } : { aadTenantId: null, aadObjectId: null };
}
