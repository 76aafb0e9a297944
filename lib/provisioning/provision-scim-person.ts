import "server-only";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { getCustomer } from "@/lib/customers/get-customer";
import { logger } from "@/lib/logger";
import { deprovision } from "./deprovision";
import { peopleWithIds } from "./people";
import { provisionBatch, withFreshExtensions, type BatchContext } from "./provision-batch";
import type { ProvisioningSource } from "./provisioning-source";
import { RangeCursor } from "./range-cursor";
import { auditRecords } from "./records";
import { getProvisioningSettings } from "./settings/get-provisioning-settings";

/** SCIM's people are keyed by their entry: Entra pushes them one at a time, with no key of ours to sync by. */
const scimSource: ProvisioningSource = { source: "scim", keyColumn: directoryEntries.id };

/**
 * Provisioning for one person Entra pushed over SCIM, right after the push:
 * the same decisions as after a sync run (a user with an extension and
 * devices, linked to the Entra account when Entra proved the externalId;
 * suspended when deactivated or deleted, restored when active again, deleted
 * after the grace period), recorded in the audit log since SCIM has no runs.
 * A failure is logged and leaves the push as it was: the directory entry is
 * Entra's truth, and its next push provisions again.
 */
export async function provisionScimPerson({ customerId, entryId }: { customerId: string; entryId: string }): Promise<void> {
  try {
    const settings = await getProvisioningSettings({ customerId, source: "scim" });
    if (!settings?.enabled) return;
    const record = auditRecords(customerId);
    const people = await peopleWithIds({ customerId, connector: scimSource, entryIds: [entryId] });
    if (people.length > 0) {
      const { slug } = await getCustomer({ customerId });
      const ctx: BatchContext = {
        customerId,
        record,
        connector: scimSource,
        settings,
        simulate: false,
        slug,
        range: new RangeCursor(customerId, settings),
        inScope: () => true,
        current: () => true,
        leftScope: [],
      };
      ctx.range.startBatch();
      await withFreshExtensions(
        () => provisionBatch(ctx, people),
        () => ctx.range.retryBatch(),
      );
    }
    await db().transaction((tx) =>
      deprovision(tx, { customerId, connector: scimSource, runId: null, simulate: false, leftScope: [], entryIds: [entryId], record }),
    );
  } catch (error) {
    logger.error({ customerId, entryId, err: error }, "provisioning a SCIM person failed; the next push tries again");
  }
}
