"use server";

import { saveProvisioningAction } from "@/lib/actions/provisioning-actions";

export const saveLdapProvisioningAction = saveProvisioningAction("active-directory");
