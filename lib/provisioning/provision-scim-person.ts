import "server-only";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { getCustomer } from "@/lib/customers/get-customer";
import { logger } from "@/lib/logger";
import { deprovision } from "./deprovision";
import { peopleWithIds } from "./people";
import { provisionAlone, type BatchContext } from "./provision-batch";
import type { ProvisioningSource } from "./provisioning-source";
import { RangeCursor } from "./range-cursor";
import { auditRecords, type NewRecord, type RecordWriter } from "./records";
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
 *
 * Returns what it recorded in transactions that committed, for the caller's
 * webhook events: an attempt rolled back (an extension taken meanwhile, then
 * decided again) or a failed step recorded nothing that happened.
 */
export async function provisionScimPerson({ customerId, entryId }: { customerId: string; entryId: string }): Promise<NewRecord[]> {
  const committed: NewRecord[] = [];
  let pending: NewRecord[] = [];
  const settle = () => {
    committed.push(...pending);
    pending = [];
  };
  try {
    const settings = await getProvisioningSettings({ customerId, source: "scim" });
    if (!settings?.enabled) return committed;
    const audit = auditRecords(customerId);
    const record: RecordWriter = async (tx, records) => {
      await audit(tx, records);
      pending.push(...records);
    };
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
        claimedPortalIds: new Set(),
      };
      await provisionAlone(ctx, people, () => {
        pending = [];
      });
      settle();
    }
    await db().transaction((tx) =>
      deprovision(tx, { customerId, connector: scimSource, runId: null, simulate: false, leftScope: [], entryIds: [entryId], record }),
    );
    settle();
  } catch (error) {
    logger.error({ customerId, entryId, err: error }, "provisioning a SCIM person failed; the next push tries again");
  }
  return committed;
}
