import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import { withSchedule } from "@/lib/sync/apply-schedule";
import type { Connector } from "@/lib/sync/connector";
import { notFound } from "@/lib/errors";
import { countryOf } from "@/lib/phone/normalise-phone";
import { renormalisePhones } from "@/lib/phone/renormalise-phones";
import { getCustomer } from "./get-customer";

/**
 * A company's name, time zone and default phone country, edited by its
 * manager (their own company) or by the operator (any customer's: the caller
 * checks which). The slug is fixed: it is in every portal ID. A new country
 * reads every entry's numbers again, in the same transaction.
 */
export async function updateCompany(
  actor: Actor,
  input: { customerId: string; name: string; timeZone: string; /** Left out: kept as it is. */ defaultCountry?: string | null },
  connectors: readonly Connector[],
) {
  const { customerId } = input;
  // A scheduled sync runs in the company's time zone: move the schedules (every connector's, from the registry) with it.
  const [current, schedules] = await Promise.all([
    getCustomer({ customerId }),
    Promise.all(connectors.map(async (c) => [c.id, await c.schedule({ customerId })] as const)),
  ]);
  const defaultCountry = input.defaultCountry === undefined ? current.defaultCountry : input.defaultCountry;
  const changed = (["name", "timeZone", "defaultCountry"] as const).filter((field) => current[field] !== { ...input, defaultCountry }[field]);
  let write = () =>
    db().transaction(async (tx) => {
      const updated = await tx
        .update(customers)
        .set({ name: input.name, timeZone: input.timeZone, defaultCountry, updatedAt: new Date() })
        .where(eq(customers.id, customerId))
        .returning({ id: customers.id });
      if (updated.length === 0) throw notFound("The company");
      if (changed.includes("defaultCountry")) await renormalisePhones(tx, { customerId, country: countryOf(defaultCountry) });
      await recordAudit(tx, actor, {
        customerId,
        action: "company.update",
        targetType: "customer",
        targetId: customerId,
        detail: {
          fields: changed,
          ...(changed.includes("timeZone") ? { timeZone: [current.timeZone, input.timeZone] } : {}),
          ...(changed.includes("defaultCountry") ? { defaultCountry: [current.defaultCountry, defaultCountry] } : {}),
        },
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
