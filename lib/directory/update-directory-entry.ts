import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { extensionTaken } from "@/lib/extensions/extension-taken";
import { ofCustomer } from "@/lib/tenancy";
import type { DirectoryEntryInput } from "@/lib/validation/directory-input";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import { phoneFields } from "@/lib/phone/phone-fields";
import { displayNameOf } from "./display-name";
import { getDirectoryEntry } from "./get-directory-entry";
import { isSynced, localFields } from "./local-fields";

export async function updateDirectoryEntry(actor: CustomerActor, input: DirectoryEntryInput & { id: string }) {
  const { id, ...fields } = input;
  const entry = await getDirectoryEntry({ customerId: actor.customerId, entryId: id });
  const changes = isSynced(entry)
    ? syncedEntryChanges(entry, fields)
    : { ...fields, displayName: displayNameOf(fields), ...phoneFields(fields, await getDefaultCountry({ customerId: actor.customerId })) };

  await db()
    .transaction(async (tx) => {
      await tx
        .update(directoryEntries)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(ofCustomer(directoryEntries, actor.customerId), eq(directoryEntries.id, id)));
      await recordAudit(tx, actor, {
        action: "directory.update",
        targetType: "directory_entry",
        targetId: id,
        detail: { fields: Object.keys(changes) },
      });
    })
    .catch((error: unknown) => {
      throw extensionTaken(error, fields.extension) ?? error;
    });
}

/** Only local fields change on a synced entry; asking for more is refused, not silently dropped. */
function syncedEntryChanges(entry: Record<string, unknown>, fields: DirectoryEntryInput) {
  const owned = (Object.keys(fields) as (keyof DirectoryEntryInput)[]).filter(
    (key) => !(localFields as readonly string[]).includes(key) && key !== "displayName",
  );
  const changedOwned = owned.filter((key) => (fields[key] ?? null) !== (entry[key] ?? null));
  if (changedOwned.length > 0) {
    throw new AppError("invalid_input", "This entry comes from Microsoft Entra ID; only its extension can be changed here. Change the rest in Entra.");
  }
  return Object.fromEntries(localFields.map((key) => [key, fields[key]]));
}
