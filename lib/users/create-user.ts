import "server-only";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { withAccountConflicts } from "@/lib/accounts/account-conflict";
import { hashPassword } from "@/lib/accounts/password";
import { customerPortalId } from "@/lib/accounts/portal-id";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { getCustomer } from "@/lib/customers/get-customer";
import { withLinkClash } from "@/lib/linking/link-clash";
import { linkColumns, linkTargetFor } from "@/lib/linking/link-target";
import { recordLinkAudit } from "@/lib/linking/record-link-audit";
import { checkPicklistChoices } from "@/lib/picklists/check-picklist-choices";
import type { CreateUserInput } from "@/lib/validation/account-input";

export async function createUser(actor: CustomerActor, input: CreateUserInput) {
  const customer = await getCustomer({ customerId: actor.customerId });
  const portalId = customerPortalId(input.localPart, customer.slug);
  const passwordHash = await hashPassword(input.password);
  const link = await linkTargetFor({ customerId: actor.customerId, choice: input.aadLink });
  return withLinkClash(actor.customerId, link, () =>
    withAccountConflicts({ portalId, extension: input.extension }, () =>
      db().transaction(async (tx) => {
        await checkPicklistChoices(tx, actor.customerId, input);
        const [user] = await tx
          .insert(accounts)
          .values({
            customerId: actor.customerId,
            role: "user",
            portalId,
            passwordHash,
            name: input.name,
            email: input.email,
            extension: input.extension,
            site: input.site,
            groupMemberType: input.groupMemberType,
            package: input.package,
            userType: input.userType,
            ...(link === "unchanged" ? {} : linkColumns(link)),
          })
          .returning({ id: accounts.id, portalId: accounts.portalId });
        await recordAudit(tx, actor, {
          action: "user.create",
          targetType: "account",
          targetId: user!.id,
          detail: { portalId },
        });
        // A new login without an Entra account was never linked: there is no unlinking to record.
        if (link) await recordLinkAudit(tx, actor, user!.id, link);
        return user!;
      }),
    ),
  );
}
