import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { withAccountConflicts } from "@/lib/accounts/account-conflict";
import { hashPassword } from "@/lib/accounts/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { endSessions } from "@/lib/auth/end-sessions";
import { notFound } from "@/lib/errors";
import { withLinkClash } from "@/lib/linking/link-clash";
import { linkColumns, linkTargetFor } from "@/lib/linking/link-target";
import { recordLinkAudit } from "@/lib/linking/record-link-audit";
import { checkPicklistChoices } from "@/lib/picklists/check-picklist-choices";
import { ofCustomer } from "@/lib/tenancy";
import { handSetFieldsAfter } from "./hand-set-fields";
import type { UpdateUserInput } from "@/lib/validation/account-input";

export async function updateUser(actor: CustomerActor, input: UpdateUserInput) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const link = await linkTargetFor({ customerId: actor.customerId, choice: input.aadLink });
  await withLinkClash(actor.customerId, link, () =>
    withAccountConflicts({ extension: input.extension }, () =>
      db().transaction(async (tx) => {
        await checkPicklistChoices(tx, actor.customerId, input, input.id);
        const managed = {
          name: input.name,
          email: input.email,
          extension: input.extension,
          site: input.site,
          groupMemberType: input.groupMemberType,
          package: input.package,
          userType: input.userType,
        };
        const updated = await tx
          .update(accounts)
          .set({
            ...managed,
            // A provisioned user's fields the manager changes are theirs from now on: later syncs leave them.
            handSetFields: handSetFieldsAfter(managed),
            ...(passwordHash ? { passwordHash } : {}),
            ...(link === "unchanged" ? {} : linkColumns(link)),
            updatedAt: new Date(),
          })
          .where(and(ofCustomer(accounts, actor.customerId), eq(accounts.id, input.id), eq(accounts.role, "user")))
          .returning({ id: accounts.id });
        if (updated.length === 0) throw notFound("The user");
        // A password set by the manager ends the user's sessions, as the user's own change does.
        if (passwordHash) await endSessions(tx, input.id);
        await recordAudit(tx, actor, {
          action: "user.update",
          targetType: "account",
          targetId: input.id,
          detail: { passwordChanged: Boolean(passwordHash) },
        });
        await recordLinkAudit(tx, actor, input.id, link);
      }),
    ),
  );
}
