import "server-only";
import { db } from "@/db/client";
import { customerPicklistItems, type PicklistName } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { ofCustomer } from "@/lib/tenancy";
import type { SavePicklistsInput } from "@/lib/validation/picklist-input";

/**
 * Replaces the company's three lists as the manager wrote them. Users keep
 * whatever value they have: a value taken off a list stays theirs (the user
 * form still offers it to them) until someone changes it.
 */
export async function savePicklists(actor: CustomerActor, input: SavePicklistsInput) {
  const lists: [PicklistName, string[]][] = [
    ["package", input.packages],
    ["user_type", input.userTypes],
    ["site", input.sites],
  ];
  await db().transaction(async (tx) => {
    await tx.delete(customerPicklistItems).where(ofCustomer(customerPicklistItems, actor.customerId));
    const rows = lists.flatMap(([picklist, values]) => values.map((value, position) => ({ customerId: actor.customerId, picklist, value, position })));
    if (rows.length > 0) await tx.insert(customerPicklistItems).values(rows);
    await recordAudit(tx, actor, {
      action: "company.picklists",
      targetType: "customer",
      targetId: actor.customerId,
      detail: Object.fromEntries(lists.map(([name, values]) => [name, values.length])),
    });
  });
}
