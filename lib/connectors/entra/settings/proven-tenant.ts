import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { entraSettings } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/**
 * The settings row's tenant counts as the company's only while a token was
 * issued for exactly this tenant and app (see proveTenant): a row naming a
 * tenant it never proved, or changed since, ties no Entra identity to it.
 */
export const tenantProven = and(
  isNotNull(entraSettings.tenantVerifiedAt),
  eq(entraSettings.verifiedTenantId, entraSettings.tenantId),
  eq(entraSettings.verifiedClientId, entraSettings.clientId),
);

/** The company's proven Entra tenant, or null when it has none. */
export async function provenTenantOf({ customerId }: { customerId: string }): Promise<string | null> {
  const [row] = await db()
    .select({ tenantId: entraSettings.tenantId })
    .from(entraSettings)
    .where(and(ofCustomer(entraSettings, customerId), tenantProven))
    .limit(1);
  return row?.tenantId ?? null;
}

/** The same rule on a row already read. */
export function isTenantProven(row: {
  tenantId: string;
  clientId: string;
  verifiedTenantId: string | null;
  verifiedClientId: string | null;
  tenantVerifiedAt: Date | null;
}): boolean {
  return row.tenantVerifiedAt !== null && row.verifiedTenantId === row.tenantId && row.verifiedClientId === row.clientId;
}
