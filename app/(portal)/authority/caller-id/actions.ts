"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createCallerIdKey, revokeCallerIdKey } from "@/lib/caller-id/caller-id-keys";

export const createCallerIdKeyAction = defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }) => {
  const { key, rotated } = await createCallerIdKey(actor);
  revalidatePath("/authority/caller-id");
  // The only time the key leaves the server: the manager copies it into the PBX now.
  const message = rotated
    ? "New key created; the old one no longer works. Copy it now: it is not shown again."
    : "Key created. Copy it now: it is not shown again.";
  return { status: "success" as const, message, data: key };
});

export const revokeCallerIdKeyAction = defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }) => {
  await revokeCallerIdKey(actor);
  revalidatePath("/authority/caller-id");
  return { status: "success", message: "Key revoked. Caller-ID lookups are refused until you create a new one." };
});
