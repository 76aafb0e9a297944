"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { directoryCredentialKinds, type DirectoryCredentialKind } from "@/db/schema";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { createCredential, revokeCredential } from "@/lib/directory-credentials/credentials";
import { savePhonebookSettings } from "@/lib/phonebook/save-phonebook-settings";
import { checkbox } from "@/lib/validation/fields";

const kindInput = z.object({ kind: z.enum(directoryCredentialKinds, { message: "Not a credential of the phonebooks." }) });

// What a person calls each secret, in the messages about it.
const secretNames: Record<DirectoryCredentialKind, string> = {
  phonebook_http: "secret",
  phonebook_ldap: "password",
  caller_id: "key",
};

export const createCredentialAction = defineCustomerAction({ permission: "settings:manage", input: kindInput }, async ({ actor }, { kind }) => {
  const { secret, rotated } = await createCredential(actor, kind);
  revalidatePath("/authority/phonebooks");
  const name = secretNames[kind];
  // The only time the secret leaves the server: the manager copies it into the phones or the PBX now.
  const message = rotated
    ? `New ${name} created; the old one no longer works. Copy it now: it is not shown again.`
    : `${name[0]!.toUpperCase()}${name.slice(1)} created. Copy it now: it is not shown again.`;
  return { status: "success" as const, message, data: secret };
});

export const revokeCredentialAction = defineCustomerAction({ permission: "settings:manage", input: kindInput }, async ({ actor }, { kind }) => {
  await revokeCredential(actor, kind);
  revalidatePath("/authority/phonebooks");
  return {
    status: "success",
    message: `${secretNames[kind][0]!.toUpperCase()}${secretNames[kind].slice(1)} revoked: whatever held it is refused from now on.`,
  };
});

export const savePhonebookSettingsAction = defineCustomerAction(
  { permission: "settings:manage", input: z.object({ includeManual: checkbox, hideMobile: checkbox }) },
  async ({ actor }, settings) => {
    await savePhonebookSettings(actor, settings);
    revalidatePath("/authority/phonebooks");
    return { status: "success", message: "Saved. Phones see the change at their next download or search." };
  },
);
