import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import type { LinkChoice } from "@/lib/validation/link-choice";
import { withLinkClash } from "./link-clash";
import { linkColumns, linkTargetFor } from "./link-target";
import { recordLinkAudit } from "./record-link-audit";

/**
 * Links or unlinks the signed-in manager's own login. It takes no account ID
 * at all: whatever a request carries, the only login it can change is the
 * actor's own, so one manager can never set another manager's link.
 */
export async function linkOwnAccount(actor: CustomerActor, choice: LinkChoice) {
  const link = await linkTargetFor({ customerId: actor.customerId, choice: choice });
  if (link === "unchanged") return;
  await withLinkClash(actor.customerId, link, () =>
    db().transaction(async (tx) => {
      const updated = await tx
        .update(accounts)
        .set({ ...linkColumns(link), updatedAt: new Date() })
        .where(and(ofCustomer(accounts, actor.customerId), eq(accounts.id, actor.accountId)))
        .returning({ id: accounts.id });
      if (updated.length === 0) throw notFound("Your account");
      await recordLinkAudit(tx, actor, actor.accountId, link);
    }),
  );
}
