import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import { withSchedule } from "@/lib/sync/apply-schedule";
import type { Connector } from "@/lib/sync/connector";
import { notFound } from "@/lib/errors";
import { getCustomer } from "./get-customer";

/**
 * A company's name and time zone, edited by its manager (their own company)
 * or by the operator (any customer's: the caller checks which). The slug is
 * fixed: it is in every portal ID.
 */
export async function updateCompany(actor: Actor, input: { customerId: string; name: string; timeZone: string }, connectors: readonly Connector[]) {
  const { customerId } = input;
  // A scheduled sync runs in the company's time zone: move the schedules (every connector's, from the registry) with it.
  const [current, schedules] = await Promise.all([
    getCustomer({ customerId }),
    Promise.all(connectors.map(async (c) => [c.id, await c.schedule({ customerId })] as const)),
  ]);
  const changed = (["name", "timeZone"] as const).filter((field) => current[field] !== input[field]);
  let write = () =>
    db().transaction(async (tx) => {
      const updated = await tx
        .update(customers)
        .set({ name: input.name, timeZone: input.timeZone, updatedAt: new Date() })
        .where(eq(customers.id, customerId))
        .returning({ id: customers.id });
      if (updated.length === 0) throw notFound("The company");
      await recordAudit(tx, actor, {
        customerId,
        action: "company.update",
        targetType: "customer",
        targetId: customerId,
        detail: { fields: changed, ...(changed.includes("timeZone") ? { timeZone: [current.timeZone, input.timeZone] } : {}) },
      });
    });
  if (current.timeZone === input.timeZone) return write();
  for (const [connector, state] of schedules) {
    if (!state?.enabled) continue;
    const inner = write;
    write = () => withSchedule({ customerId, connector }, { state, timeZone: input.timeZone }, { state, timeZone: current.timeZone }, inner);
  }
  return write();
}
