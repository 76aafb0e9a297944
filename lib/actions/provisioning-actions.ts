import "server-only";
import { revalidatePath } from "next/cache";
import { provisioningScreens, type ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";
import { saveProvisioningSettings } from "@/lib/provisioning/settings/save-provisioning-settings";
import { provisioningSettingsInput } from "@/lib/validation/provisioning-settings-input";
import { defineCustomerAction } from "./define-action";

/**
 * Saving a source's Provisioning screen, made once for the three: the source
 * is the screen's (each screen's actions.ts exports this for its own), never
 * read from the form. Needs settings:manage, as the connectors' settings do.
 */
export const saveProvisioningAction = (source: ProvisioningSource) =>
  defineCustomerAction({ permission: "settings:manage", input: provisioningSettingsInput(source) }, async ({ actor }, input) => {
    await saveProvisioningSettings(actor, source, input);
    revalidatePath(provisioningScreens[source].path);
    return { status: "success", message: `${provisioningScreens[source].label} provisioning saved.` };
  });
