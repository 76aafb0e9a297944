import "server-only";
import { and, eq, isNull, or, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { entraSettings } from "@/db/schema";
import type { AppCredentials } from "@/lib/entra/confidential-client";
import { ofCustomer } from "@/lib/tenancy";

/**
 * A sync that got Graph to answer was issued a token for the saved tenant with
 * the saved credentials — the same proof a save asks for. Recording it lets
 * settings saved before proofs existed become proven at their next sync,
 * instead of staying unproven until a manager saves them again. Only while the
 * row still names the tenant and app the token was for.
 */
export async function recordTenantProof(credentials: AppCredentials): Promise<void> {
  await db()
    .update(entraSettings)
    .set({ verifiedTenantId: credentials.tenantId, verifiedClientId: credentials.clientId, tenantVerifiedAt: new Date() })
    .where(
      and(
        ofCustomer(entraSettings, credentials.customerId),
        eq(entraSettings.tenantId, credentials.tenantId),
        eq(entraSettings.clientId, credentials.clientId),
        or(
          isNull(entraSettings.tenantVerifiedAt),
          isNull(entraSettings.verifiedTenantId),
          ne(entraSettings.verifiedTenantId, credentials.tenantId),
          isNull(entraSettings.verifiedClientId),
          ne(entraSettings.verifiedClientId, credentials.clientId),
        ),
      ),
    );
}
