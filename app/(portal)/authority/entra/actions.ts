"use server";

import { connectorLabels } from "@/components/sync/connector-labels";
import { connectorActions } from "@/lib/actions/connector-actions";
import { saveEntraSettings } from "@/lib/connectors/entra/settings/save-entra-settings";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { followRealTimeSettings } from "@/lib/realtime/follow-settings";
import { setRealTime } from "@/lib/realtime/set-real-time";
import { testConnection } from "@/lib/connectors/entra/settings/test-connection";
import { entraConnectionInput, entraSettingsInput } from "@/lib/validation/entra-settings-input";

const { label, path } = connectorLabels.entra;
const actions = connectorActions({ connector: "entra", path });

// Real time follows the saved settings (subscribe on Use, unsubscribe on Not use).
const saveAndFollow = async (...args: Parameters<typeof saveEntraSettings>) => {
  const result = await saveEntraSettings(...args);
  await followRealTimeSettings(args[0].customerId);
  return result;
};

export const saveEntraSettingsAction = actions.save(entraSettingsInput, saveAndFollow, ({ tenantProven }) =>
  tenantProven
    ? `${label} settings saved.`
    : `${label} settings saved. The tenant is not verified: Microsoft issued no token with these IDs and secret, so no Entra account is tied to it (SCIM users stay contacts, nothing can be linked, no Microsoft sign-in) until a save with working settings. Test connection tells what is wrong.`,
);
export const testConnectionAction = actions.test(entraConnectionInput, testConnection);
export const oneTimeSyncAction = actions.startRun("one_time", "One-time Sync started.");
export const simulateAction = actions.startRun("simulate", "Simulation started: nothing will be written.");
// Reads every user again, ignoring the saved delta position.
export const fullResyncAction = actions.startRun("full_resync", "Full resync started.");
export const confirmRemovalsAction = actions.confirmRemovals();

export const realTimeAction = defineCustomerAction(
  { permission: "settings:manage", input: z.object({ realTime: z.enum(["on", "off"]) }) },
  async ({ actor }, input) => {
    await setRealTime(actor, input.realTime === "on");
    revalidatePath(path);
    return { status: "success", message: input.realTime === "on" ? "Real time turned on." : "Real time turned off. The schedule keeps running." };
  },
);
