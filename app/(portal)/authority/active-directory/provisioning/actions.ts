"use server";

import { provisioningScreens } from "@/components/provisioning/provisioning-screens";
import { saveProvisioningAction } from "@/lib/actions/provisioning-actions";

export const saveLdapProvisioningAction = saveProvisioningAction("active-directory", provisioningScreens["active-directory"]);
