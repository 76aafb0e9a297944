import "server-only";
import { provenTenantOf } from "@/lib/connectors/entra/settings/proven-tenant";
import { isResourceId } from "./scim-context";

/**
 * When Entra's provisioning maps the user's object ID to externalId (a GUID),
 * the entry is that Entra account — in the tenant of the company's MS AAD
 * settings — so it can be linked to a login and used by Sign in with
 * Microsoft, which then follows the entry's active flag. (Entra's default
 * mapping sends mailNickname instead; such entries are contacts only.)
 *
 * Only under a proven tenant (one the company got a token for): a tenant ID is
 * public, and naming another company's tenant must not let a SCIM client claim
 * that company's people. Without proof the entry is a contact only.
 */
export async function entraIdentityFor({
  customerId,
  externalId,
}: {
  customerId: string;
  externalId: string | null;
}): Promise<{ aadTenantId: string | null; aadObjectId: string | null }> {
  if (!externalId || !isResourceId(externalId)) return { aadTenantId: null, aadObjectId: null };
  const tenantId = await provenTenantOf({ customerId });
  return tenantId ? { aadTenantId: tenantId, aadObjectId: externalId.toLowerCase() } : { aadTenantId: null, aadObjectId: null };
}
