"use server";

import { provisioningScreens } from "@/components/provisioning/provisioning-screens";
import { saveProvisioningAction } from "@/lib/actions/provisioning-actions";

export const saveEntraProvisioningAction = saveProvisioningAction("entra", provisioningScreens["entra"]);
