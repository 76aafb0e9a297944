import "server-only";
import type { ConnectorId } from "@/db/schema";
import { db, type Database } from "@/db/client";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit, type AuditEvent } from "@/lib/audit/record-audit";
import { getCustomer } from "@/lib/customers/get-customer";
import { withSchedule, type ScheduleState } from "@/lib/sync/apply-schedule";
import type { ScheduleSettings } from "@/lib/sync/schedule";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The columns every connector's settings row takes from its screen's Usage and schedule, and who saved it. */
export function scheduleColumns(actor: CustomerActor, input: ScheduleSettings & { usage: "use" | "not_use" }) {
  return {
    enabled: input.usage === "use",
    weekday: input.period === "weekly" ? input.weekday : null,
    updatedAt: new Date(),
    updatedBy: actor.accountId,
  };
}

/**
 * What saving any pull connector's settings shares: the connector's schedule
 * follows the new Usage and period (in the company's time zone), the row is
 * written and audited in one transaction, and the old schedule is put back if
 * that write fails (withSchedule). The connector writes its own table in
 * `write` (update for the customer, or insert) — its checks, sealing and
 * columns stay its own.
 */
export async function saveConnectorSettings(
  actor: CustomerActor,
  options: {
    connector: ConnectorId;
    existing: ScheduleState;
    next: NonNullable<ScheduleState>;
    write: (tx: Transaction) => Promise<unknown>;
    audit: Omit<AuditEvent, "targetId">;
  },
): Promise<void> {
  const { connector, existing, next, write, audit } = options;
  const { timeZone } = await getCustomer({ customerId: actor.customerId });
  await withSchedule({ customerId: actor.customerId, connector }, { state: next, timeZone }, { state: existing, timeZone }, () =>
    db().transaction(async (tx) => {
      await write(tx);
      await recordAudit(tx, actor, { ...audit, targetId: actor.customerId });
    }),
  );
}
