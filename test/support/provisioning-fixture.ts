import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, devices, provisioningRecords, provisioningSettings, type DirectorySource } from "@/db/schema";
import { noPortalPasswordHash } from "@/lib/accounts/no-portal-password";

type Settings = Partial<Omit<typeof provisioningSettings.$inferInsert, "customerId" | "source">>;

/** Provisioning turned on for a company's source, as a manager's save leaves it (a full pass pending). */
export async function enableProvisioning(customerId: string, source: DirectorySource, settings: Settings = {}) {
  const values = { enabled: true, fullPassPending: true, updatedAt: new Date(), ...settings };
  await db()
    .insert(provisioningSettings)
    .values({ customerId, source, ...values })
    .onConflictDoUpdate({ target: [provisioningSettings.customerId, provisioningSettings.source], set: values });
}

/** The logins provisioning created for a company (no portal password), with their devices' kinds. */
export async function provisionedLogins(customerId: string) {
  const rows = await db()
    .select()
    .from(accounts)
    .where(and(eq(accounts.customerId, customerId), eq(accounts.passwordHash, noPortalPasswordHash)));
  const owned = await db().select().from(devices).where(eq(devices.customerId, customerId));
  return rows.map((a) => ({
    ...a,
    devices: owned
      .filter((d) => d.accountId === a.id)
      .map((d) => `${d.kind}:${d.status}`)
      .sort(),
  }));
}

/** What provisioning recorded for a run, as [action, name] pairs in a stable order. */
export async function recordsOf(runId: string) {
  const rows = await db().select().from(provisioningRecords).where(eq(provisioningRecords.runId, runId));
  return rows.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.action.localeCompare(b.action));
}
