import "server-only";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { withAccountConflicts } from "@/lib/accounts/account-conflict";
import { hashPassword } from "@/lib/accounts/password";
import { customerPortalId } from "@/lib/accounts/portal-id";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { getCustomer } from "@/lib/customers/get-customer";
import type { CreateManagerInput } from "@/lib/validation/account-input";

/** Managers add managers to their own customer only: the customer comes from the actor, never the form. */
export async function createManager(actor: CustomerActor, input: CreateManagerInput) {
  const customer = await getCustomer({ customerId: actor.customerId });
  const portalId = customerPortalId(input.localPart, customer.slug);
  const passwordHash = await hashPassword(input.password);
  return withAccountConflicts({ portalId }, () =>
    db().transaction(async (tx) => {
      const [manager] = await tx
        .insert(accounts)
        .values({
          customerId: actor.customerId,
          role: "manager",
          portalId,
          passwordHash,
          name: input.name,
          email: input.email,
        })
        .returning({ id: accounts.id, portalId: accounts.portalId });
      await recordAudit(tx, actor, {
        action: "manager.create",
        targetType: "account",
        targetId: manager!.id,
        detail: { portalId },
      });
      return manager!;
    }),
  );
}
