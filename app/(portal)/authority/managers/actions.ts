"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createManager } from "@/lib/managers/create-manager";
import { deleteManager } from "@/lib/managers/delete-manager";
import { createManagerInput } from "@/lib/validation/account-input";
import { uuid } from "@/lib/validation/fields";

export const createManagerAction = defineCustomerAction({ permission: "managers:manage", input: createManagerInput }, async ({ actor }, input) => {
  const manager = await createManager(actor, input);
  revalidatePath("/authority/managers");
  return { status: "success", message: `Manager ${manager.portalId} added.` };
});

export const deleteManagerAction = defineCustomerAction({ permission: "managers:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
  await deleteManager(actor, { managerId: id });
  revalidatePath("/authority/managers");
  return { status: "success", message: "Manager removed." };
});
