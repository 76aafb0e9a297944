"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createdHref } from "@/components/forms/created-href";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { updateUser } from "@/lib/users/update-user";
import { createUserInput, updateUserInput } from "@/lib/validation/account-input";
import { uuid } from "@/lib/validation/fields";

export const createUserAction = defineCustomerAction({ permission: "users:manage", input: createUserInput }, async ({ actor }, input) => {
  const user = await createUser(actor, input);
  revalidatePath("/users");
  redirect(createdHref(`/users/${user.id}`));
});

export const updateUserAction = defineCustomerAction({ permission: "users:manage", input: updateUserInput }, async ({ actor }, input) => {
  await updateUser(actor, input);
  revalidatePath("/users");
  return { status: "success", message: "User saved." };
});

export const deleteUserAction = defineCustomerAction({ permission: "users:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
  await deleteUser(actor, { userId: id });
  revalidatePath("/users");
  redirect("/users");
});
