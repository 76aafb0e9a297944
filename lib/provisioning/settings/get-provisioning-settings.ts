import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { provisioningSettings, type DirectorySource, type ProvisioningSettings } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/**
 * A company's provisioning settings for one source; null until a manager saves
 * them. Read through the caller's transaction when it has one: the embedded
 * database serves one connection at a time.
 */
export async function getProvisioningSettings(
  { customerId, source }: { customerId: string; source: DirectorySource },
  reader: Pick<ReturnType<typeof db>, "select"> = db(),
): Promise<ProvisioningSettings | null> {
  const [row] = await reader
    .select()
    .from(provisioningSettings)
    .where(and(ofCustomer(provisioningSettings, customerId), eq(provisioningSettings.source, source)))
    .limit(1);
  return row ?? null;
}
