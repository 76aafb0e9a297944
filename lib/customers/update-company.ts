import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { withSchedule } from "@/lib/sync/apply-schedule";
import type { Connector } from "@/lib/sync/connector";
import { notFound } from "@/lib/errors";
import { getCustomer } from "./get-customer";

/** A manager edits their own company's name and time zone (the slug is fixed: it is in every portal ID). */
export async function updateCompany(actor: CustomerActor, input: { name: string; timeZone: string }, connectors: readonly Connector[]) {
  // A scheduled sync runs in the company's time zone: move the schedules (every connector's, from the registry) with it.
  const [current, schedules] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    Promise.all(connectors.map(async (c) => [c.id, await c.schedule({ customerId: actor.customerId })] as const)),
  ]);
  let write = () =>
    db().transaction(async (tx) => {
      const updated = await tx
        .update(customers)
        .set({ name: input.name, timeZone: input.timeZone, updatedAt: new Date() })
        .where(eq(customers.id, actor.customerId))
        .returning({ id: customers.id });
      if (updated.length === 0) throw notFound("The company");
      await recordAudit(tx, actor, {
        action: "company.update",
        targetType: "customer",
        targetId: actor.customerId,
        detail: { fields: ["name", "timeZone"] },
      });
    });
  if (current.timeZone === input.timeZone) return write();
  for (const [connector, state] of schedules) {
    if (!state?.enabled) continue;
    const inner = write;
    write = () => withSchedule({ customerId: actor.customerId, connector }, { state, timeZone: input.timeZone }, { state, timeZone: current.timeZone }, inner);
  }
  return write();
}
