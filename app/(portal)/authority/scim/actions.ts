"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";
import { requiredText, uuid } from "@/lib/validation/fields";

export const createScimTokenAction = defineCustomerAction(
  { permission: "settings:manage", input: z.object({ label: requiredText("A name for the token", 80) }) },
  async ({ actor }, { label }) => {
    const { token } = await createScimToken(actor, label);
    revalidatePath("/authority/scim");
    // The only time the token leaves the server: the manager copies it into Entra now.
    return { status: "success" as const, message: "Token created. Copy it now: it is not shown again.", data: token };
  },
);

export const revokeScimTokenAction = defineCustomerAction({ permission: "settings:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
  await revokeScimToken(actor, id);
  revalidatePath("/authority/scim");
  return { status: "success", message: "Token revoked." };
});
