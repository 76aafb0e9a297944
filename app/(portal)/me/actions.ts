"use server";

import { revalidatePath } from "next/cache";
import { defineAction, defineCustomerAction } from "@/lib/actions/define-action";
import { linkOwnAccount } from "@/lib/linking/link-own-account";
import { changePassword } from "@/lib/profile/change-password";
import { updateProfile } from "@/lib/profile/update-profile";
import { changePasswordInput, linkOwnAccountInput, updateProfileInput } from "@/lib/validation/account-input";

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

export const linkOwnAccountAction = defineCustomerAction(
  { permission: "own-link:manage", input: linkOwnAccountInput },
  async ({ actor }, { aadLink }) => {
    await linkOwnAccount(actor, aadLink);
    revalidatePath("/me");
    return { status: "success", message: aadLink === "none" ? "Your login is no longer linked to a Microsoft account." : "Your Microsoft account is saved." };
  },
);
