"use server";

import { provisioningScreens } from "@/components/provisioning/provisioning-screens";
import { saveProvisioningAction } from "@/lib/actions/provisioning-actions";

export const saveScimProvisioningAction = saveProvisioningAction("scim", provisioningScreens["scim"]);
