import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import { getDirectoryEntry } from "./get-directory-entry";
import { isSynced } from "./local-fields";

export async function deleteDirectoryEntry(actor: CustomerActor, { entryId }: { entryId: string }) {
  const entry = await getDirectoryEntry({ customerId: actor.customerId, entryId });
  if (isSynced(entry)) {
    // It would come back with the next sync; it leaves the directory when it leaves Entra.
    throw new AppError("invalid_input", "This entry comes from Microsoft Entra ID and cannot be deleted here.");
  }
  await db().transaction(async (tx) => {
    await tx.delete(directoryEntries).where(and(ofCustomer(directoryEntries, actor.customerId), eq(directoryEntries.id, entryId)));
    await recordAudit(tx, actor, {
      action: "directory.delete",
      targetType: "directory_entry",
      targetId: entryId,
      detail: { displayName: entry.displayName },
    });
  });
}
