"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { changePassword } from "@/lib/profile/change-password";
import { updateProfile } from "@/lib/profile/update-profile";
import { changePasswordInput, updateProfileInput } from "@/lib/validation/account-input";

export const updateProfileAction = defineAction(
  { permission: "profile:edit", input: updateProfileInput },
  async ({ actor }, input) => {
    await updateProfile(actor, input);
    revalidatePath("/", "layout");
    return { status: "success", message: "Your information is saved." };
  },
);

export const changePasswordAction = defineAction(
  { permission: "profile:edit", input: changePasswordInput },
  async ({ actor }, input) => {
    await changePassword(actor, input);
    return { status: "success", message: "Your password is changed." };
  },
);
