"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createdHref } from "@/components/forms/created-href";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createUser } from "@/lib/users/create-user";
import { deleteUser } from "@/lib/users/delete-user";
import { updateUser } from "@/lib/users/update-user";
import { managedFields } from "@/db/schema";
import { regenerateDeviceCredential } from "@/lib/devices/regenerate-device-credential";
import { releaseHandSetField } from "@/lib/users/release-hand-set-field";
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

/** A new SIP credential for one device, returned this once: the manager copies it into the phone now. */
export const regenerateDeviceCredentialAction = defineCustomerAction(
  { permission: "users:manage", input: z.object({ id: uuid }) },
  async ({ actor }, { id }) => {
    const { sipUsername, credential } = await regenerateDeviceCredential(actor, { deviceId: id });
    return { status: "success" as const, message: `New credential for ${sipUsername}. Copy it now: it is not shown again.`, data: credential };
  },
);

export const releaseHandSetFieldAction = defineCustomerAction(
  { permission: "users:manage", input: z.object({ id: uuid, field: z.enum(managedFields, { message: "Not a field provisioning manages." }) }) },
  async ({ actor }, { id, field }) => {
    await releaseHandSetField(actor, { userId: id, field });
    revalidatePath(`/users/${id}`);
    return { status: "success", message: "Provisioning manages it again from the next run." };
  },
);
