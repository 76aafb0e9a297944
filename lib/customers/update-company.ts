import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/auth/actor";
import { getEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";
import { getLdapSettings } from "@/lib/connectors/active-directory/settings/get-ldap-settings";
import { withSchedule } from "@/lib/sync/apply-schedule";
import { notFound } from "@/lib/errors";
import { getCustomer } from "./get-customer";

/** A manager edits their own company's name and time zone (the slug is fixed: it is in every portal ID). */
export async function updateCompany(actor: CustomerActor, input: { name: string; timeZone: string }) {
  // A scheduled sync runs in the company's time zone: move the schedules with it.
  const [current, entra, ldap] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    getEntraSettings({ customerId: actor.customerId }),
    getLdapSettings({ customerId: actor.customerId }),
  ]);
  let write = () => db().transaction(async (tx) => {
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
  for (const [connector, state] of [["entra", entra], ["active-directory", ldap]] as const) {
    if (!state?.enabled) continue;
    const inner = write;
    write = () => withSchedule({ customerId: actor.customerId, connector }, { state, timeZone: input.timeZone }, { state, timeZone: current.timeZone }, inner);
  }
  return write();
}
