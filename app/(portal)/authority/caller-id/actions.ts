"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createCredential, revokeCredential } from "@/lib/directory-credentials/credentials";

export const createCallerIdKeyAction = defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }) => {
  const { secret, rotated } = await createCredential(actor, "caller_id");
  revalidatePath("/authority/caller-id");
  // The only time the key leaves the server: the manager copies it into the PBX now.
  const message = rotated
    ? "New key created; the old one no longer works. Copy it now: it is not shown again."
    : "Key created. Copy it now: it is not shown again.";
  return { status: "success" as const, message, data: secret };
});

export const revokeCallerIdKeyAction = defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }) => {
  await revokeCredential(actor, "caller_id");
  revalidatePath("/authority/caller-id");
  return { status: "success", message: "Key revoked. Caller-ID lookups are refused until you create a new one." };
});
