"use server";

import { saveProvisioningAction } from "@/lib/actions/provisioning-actions";

export const saveEntraProvisioningAction = saveProvisioningAction("entra");
