import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, entraSettings } from "@/db/schema";
import { tenantProven } from "@/lib/connectors/entra/settings/proven-tenant";
import { AppError } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import type { LinkChoice } from "@/lib/validation/link-choice";
import { unlinkable } from "./unlinkable";

export type LinkTarget = { aadTenantId: string; aadObjectId: string; displayName: string; userPrincipalName: string | null };

/**
 * Turns the form's choice into the link columns to write: nothing for
 * "unchanged", nulls for "none", or the chosen entry's tenant + object ID —
 * which must be a synced, active entry of this customer's own directory, in
 * the tenant its MS AAD settings proved (a tenant merely named ties nobody).
 */
export async function linkTargetFor({ customerId, choice }: { customerId: string; choice: LinkChoice }): Promise<LinkTarget | null | "unchanged"> {
  if (choice === "unchanged") return "unchanged";
  if (choice === "none") return null;
  const [entry] = await db()
    .select({
      aadTenantId: directoryEntries.aadTenantId,
      aadObjectId: directoryEntries.aadObjectId,
      displayName: directoryEntries.displayName,
      userPrincipalName: directoryEntries.userPrincipalName,
      status: directoryEntries.status,
    })
    .from(directoryEntries)
    .innerJoin(
      entraSettings,
      and(eq(entraSettings.customerId, directoryEntries.customerId), eq(entraSettings.tenantId, directoryEntries.aadTenantId), tenantProven),
    )
    .where(
      and(
        ofCustomer(directoryEntries, customerId),
        eq(directoryEntries.id, choice),
        inArray(directoryEntries.source, ["entra", "scim"]),
        isNotNull(directoryEntries.aadTenantId),
        isNotNull(directoryEntries.aadObjectId),
      ),
    )
    .limit(1);
  if (!entry) throw unlinkable();
  if (entry.status !== "active") {
    throw new AppError("invalid_input", `${entry.displayName} is ${entry.status} in Entra and cannot be linked.`, {
      aadLink: "Choose an active Entra account.",
    });
  }
  return { aadTenantId: entry.aadTenantId!, aadObjectId: entry.aadObjectId!, displayName: entry.displayName, userPrincipalName: entry.userPrincipalName };
}

/** The columns a link target writes on `accounts`. */
export function linkColumns(target: LinkTarget | null) {
  return { aadTenantId: target?.aadTenantId ?? null, aadObjectId: target?.aadObjectId ?? null };
}
