"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, defineCustomerAction } from "@/lib/actions/define-action";
import { linkOwnAccount } from "@/lib/linking/link-own-account";
import { changePassword } from "@/lib/profile/change-password";
import { signOutEverywhere } from "@/lib/profile/sign-out-everywhere";
import { updateProfile } from "@/lib/profile/update-profile";
import { changePasswordInput, linkOwnAccountInput, updateProfileInput } from "@/lib/validation/account-input";

export const updateProfileAction = defineAction({ permission: "profile:edit", input: updateProfileInput }, async ({ actor }, input) => {
  await updateProfile(actor, input);
  revalidatePath("/", "layout");
  return { status: "success", message: "Your information is saved." };
});

export const changePasswordAction = defineAction({ permission: "profile:edit", input: changePasswordInput }, async ({ actor }, input) => {
  await changePassword(actor, input);
  // Every session of the login ended with the change, this one too.
  redirect("/sign-in?notice=password_changed");
});

export const signOutEverywhereAction = defineAction({ permission: "profile:edit", input: z.object({}) }, async ({ actor }) => {
  await signOutEverywhere(actor);
  redirect("/sign-in?notice=signed_out_everywhere");
});

export const linkOwnAccountAction = defineCustomerAction({ permission: "own-link:manage", input: linkOwnAccountInput }, async ({ actor }, { aadLink }) => {
  await linkOwnAccount(actor, aadLink);
  revalidatePath("/me");
  return { status: "success", message: aadLink === "none" ? "Your login is no longer linked to a Microsoft account." : "Your Microsoft account is saved." };
});
