import "server-only";
import { db } from "@/db/client";
import { provisioningSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { ProvisioningSettingsInput } from "@/lib/validation/provisioning-settings-input";
import { getProvisioningSettings } from "./get-provisioning-settings";
import type { ProvisioningSource } from "./provisioning-sources";
import { rangeClashes, rangeClashMessage } from "./range-clashes";

/**
 * Saves one source's provisioning settings for the actor's company, with the
 * one rule the form cannot check on its own: a range over extensions that
 * others already hold is refused on its field, and nothing is saved. Every
 * save asks the next run for a full pass (fullPassPending), since a new scope
 * or rule concerns people the run did not change. Row and audit record land
 * in one transaction.
 */
export async function saveProvisioningSettings(actor: CustomerActor, source: ProvisioningSource, input: ProvisioningSettingsInput): Promise<void> {
  const existing = await getProvisioningSettings({ customerId: actor.customerId, source });
  const { usage, ...fields } = input;
  const values = { ...fields, enabled: usage === "use", fullPassPending: true, updatedAt: new Date(), updatedBy: actor.accountId };

  await db().transaction(async (tx) => {
    if (input.rangeStart !== null && input.rangeEnd !== null) {
      const clashes = await rangeClashes(tx, { customerId: actor.customerId, source, start: input.rangeStart, end: input.rangeEnd });
      if (clashes.total > 0) {
        throw new AppError("invalid_input", "Please correct the highlighted fields.", { rangeStart: rangeClashMessage(clashes) });
      }
    }
    await tx
      .insert(provisioningSettings)
      .values({ ...values, customerId: actor.customerId, source })
      .onConflictDoUpdate({ target: [provisioningSettings.customerId, provisioningSettings.source], set: values });
    await recordAudit(tx, actor, {
      action: "provisioning_settings.save",
      targetType: "provisioning_settings",
      targetId: actor.customerId,
      detail: {
        source,
        usage,
        extensionMode: input.extensionMode,
        scopeGroups: input.scopeGroups.length,
        ...(existing ? { changed: changedFields(existing, values) } : { created: true }),
      },
    });
  });
}

/** Names of the settings that differ from the stored ones (values stay out of the log). */
function changedFields(existing: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const ignored = new Set(["updatedAt", "updatedBy", "fullPassPending"]);
  return Object.keys(next).filter((key) => !ignored.has(key) && JSON.stringify(existing[key]) !== JSON.stringify(next[key]));
}
