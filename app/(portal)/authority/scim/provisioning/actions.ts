"use server";

import { saveProvisioningAction } from "@/lib/actions/provisioning-actions";

export const saveScimProvisioningAction = saveProvisioningAction("scim");
