import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { phonebookSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { PhonebookSettings } from "./published-entries";

/**
 * What the company's phonebooks publish. Its updated_at changes with it, so
 * the phones' next download sees a new version of the phonebook.
 */
export async function savePhonebookSettings(actor: CustomerActor, settings: PhonebookSettings): Promise<void> {
  await db().transaction(async (tx) => {
    await tx
      .insert(phonebookSettings)
      .values({ customerId: actor.customerId, ...settings })
      .onConflictDoUpdate({ target: phonebookSettings.customerId, set: { ...settings, updatedAt: sql`now()` } });
    await recordAudit(tx, actor, { action: "phonebook_settings.update", targetType: "phonebook_settings", targetId: actor.customerId, detail: settings });
  });
}
