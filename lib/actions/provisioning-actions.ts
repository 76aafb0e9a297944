import "server-only";
import { revalidatePath } from "next/cache";
import { extensionAttributesOf } from "@/lib/provisioning/extension-attributes";
import type { ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";
import { saveProvisioningSettings } from "@/lib/provisioning/settings/save-provisioning-settings";
import { provisioningSettingsInput } from "@/lib/validation/provisioning-settings-input";
import { defineCustomerAction } from "./define-action";

/** The input of a source's Provisioning screen: its form's fields, with the attributes that source offers. */
export const provisioningInputOf = (source: ProvisioningSource) => provisioningSettingsInput({ source, attributes: extensionAttributesOf(source) });

/**
 * Saving a source's Provisioning screen, made once for the three: the source
 * is the screen's (each screen's actions.ts exports this for its own, with
 * its name and path), never read from the form. Needs settings:manage, as
 * the connectors' settings do.
 */
export const saveProvisioningAction = (source: ProvisioningSource, screen: { label: string; path: string }) =>
  defineCustomerAction({ permission: "settings:manage", input: provisioningInputOf(source) }, async ({ actor }, input) => {
    await saveProvisioningSettings(actor, source, input);
    revalidatePath(screen.path);
    return { status: "success", message: `${screen.label} provisioning saved.` };
  });
