"use server";

import { revalidatePath } from "next/cache";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { applyMatches } from "@/lib/provisioning/match/apply-matches";
import { applyMatchesInput } from "@/lib/validation/match-input";

export const applyMatchesAction = defineCustomerAction({ permission: "users:manage", input: applyMatchesInput }, async ({ actor }, { pairs }) => {
  const { applied } = await applyMatches(actor, pairs);
  revalidatePath("/users", "layout");
  return { status: "success", message: applied === 1 ? "1 login linked." : `${applied} logins linked.` };
});
