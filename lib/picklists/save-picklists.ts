import "server-only";
import { db } from "@/db/client";
import { customerPicklistItems, type PicklistName } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import { ofCustomer } from "@/lib/tenancy";
import type { SavePicklistsInput } from "@/lib/validation/picklist-input";

/**
 * Replaces the company's three lists as its manager (or the operator) wrote them. Users keep
 * whatever value they have: a value taken off a list stays theirs (the user
 * form still offers it to them) until someone changes it.
 */
export async function savePicklists(actor: Actor, { customerId, ...input }: SavePicklistsInput & { customerId: string }) {
  const lists: [PicklistName, string[]][] = [
    ["package", input.packages],
    ["user_type", input.userTypes],
    ["site", input.sites],
  ];
  await db().transaction(async (tx) => {
    await tx.delete(customerPicklistItems).where(ofCustomer(customerPicklistItems, customerId));
    const rows = lists.flatMap(([picklist, values]) => values.map((value, position) => ({ customerId, picklist, value, position })));
    if (rows.length > 0) await tx.insert(customerPicklistItems).values(rows);
    await recordAudit(tx, actor, {
      action: "company.picklists",
      targetType: "customer",
      targetId: customerId,
      customerId,
      detail: Object.fromEntries(lists.map(([name, values]) => [name, values.length])),
    });
  });
}
