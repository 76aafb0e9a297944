import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { provisioningSettings, type DirectorySource, type ProvisioningSettings } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/** A company's provisioning settings for one source, or null before the first save. */
export async function getProvisioningSettings({ customerId, source }: { customerId: string; source: DirectorySource }): Promise<ProvisioningSettings | null> {
  const [row] = await db()
    .select()
    .from(provisioningSettings)
    .where(and(ofCustomer(provisioningSettings, customerId), eq(provisioningSettings.source, source)))
    .limit(1);
  return row ?? null;
}
