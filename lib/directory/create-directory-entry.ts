import "server-only";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { extensionTaken } from "@/lib/extensions/extension-taken";
import type { DirectoryEntryInput } from "@/lib/validation/directory-input";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import { phoneFields } from "@/lib/phone/phone-fields";
import { displayNameOf } from "./display-name";

/** A manual entry (Sync = No): typed in by a manager, never touched by a sync; its numbers also in E.164. */
export async function createDirectoryEntry(actor: CustomerActor, input: DirectoryEntryInput) {
  const phones = phoneFields(input, await getDefaultCountry({ customerId: actor.customerId }));
  return db()
    .transaction(async (tx) => {
      const [entry] = await tx
        .insert(directoryEntries)
        .values({ ...input, ...phones, displayName: displayNameOf(input), customerId: actor.customerId, source: "manual" })
        .returning();
      await recordAudit(tx, actor, {
        action: "directory.create",
        targetType: "directory_entry",
        targetId: entry!.id,
      });
      return entry!;
    })
    .catch((error: unknown) => {
      throw extensionTaken(error, input.extension) ?? error;
    });
}
