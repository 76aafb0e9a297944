import "server-only";
import { db } from "@/db/client";
import { accounts, customers } from "@/db/schema";
import { withAccountConflicts } from "@/lib/accounts/account-conflict";
import { hashPassword } from "@/lib/accounts/password";
import { customerPortalId } from "@/lib/accounts/portal-id";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { CreateCustomerInput } from "@/lib/validation/customer-input";

/** Creates a customer company together with its first manager, all or nothing. */
export async function createCustomer(actor: Actor, input: CreateCustomerInput) {
  const portalId = customerPortalId(input.managerLocalPart, input.slug);
  const passwordHash = await hashPassword(input.managerPassword);
  try {
    return await withAccountConflicts({ portalId }, () =>
      db().transaction(async (tx) => {
        const [customer] = await tx.insert(customers).values({ name: input.name, slug: input.slug, timeZone: input.timeZone }).returning();
        const [manager] = await tx
          .insert(accounts)
          .values({
            customerId: customer!.id,
            role: "manager",
            portalId,
            passwordHash,
            name: input.managerName,
            email: input.managerEmail,
          })
          .returning({ id: accounts.id, portalId: accounts.portalId });
        await recordAudit(tx, actor, {
          customerId: customer!.id,
          action: "customer.create",
          targetType: "customer",
          targetId: customer!.id,
          detail: { slug: input.slug, firstManager: portalId },
        });
        return { customer: customer!, manager: manager! };
      }),
    );
  } catch (error) {
    if (violatedConstraint(error) === "customers_slug_unique") {
      throw new AppError("conflict", `The company ID "${input.slug}" is already taken.`, {
        slug: "This company ID is already taken.",
      });
    }
    throw error;
  }
}
