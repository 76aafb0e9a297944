"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createdHref } from "@/components/forms/created-href";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createDirectoryEntry } from "@/lib/directory/create-directory-entry";
import { deleteDirectoryEntry } from "@/lib/directory/delete-directory-entry";
import { updateDirectoryEntry } from "@/lib/directory/update-directory-entry";
import { createDirectoryEntryInput, updateDirectoryEntryInput } from "@/lib/validation/directory-input";
import { uuid } from "@/lib/validation/fields";

export const createDirectoryEntryAction = defineCustomerAction(
  { permission: "directory:manage", input: createDirectoryEntryInput },
  async ({ actor }, input) => {
    const entry = await createDirectoryEntry(actor, input);
    revalidatePath("/directory");
    redirect(createdHref(`/directory/${entry.id}`));
  },
);

export const updateDirectoryEntryAction = defineCustomerAction(
  { permission: "directory:manage", input: updateDirectoryEntryInput },
  async ({ actor }, input) => {
    await updateDirectoryEntry(actor, input);
    revalidatePath("/directory");
    return { status: "success", message: "Entry saved." };
  },
);

export const deleteDirectoryEntryAction = defineCustomerAction({ permission: "directory:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
  await deleteDirectoryEntry(actor, { entryId: id });
  revalidatePath("/directory");
  redirect("/directory");
});
