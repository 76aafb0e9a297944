"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { saveEntraSettings } from "@/lib/entra-settings/save-entra-settings";
import { testConnection } from "@/lib/entra-settings/test-connection";
import { confirmRemovals } from "@/lib/sync/confirm-removals";
import { startRun } from "@/lib/sync/start-run";
import { entraConnectionInput, entraSettingsInput } from "@/lib/validation/entra-settings-input";
import { uuid } from "@/lib/validation/fields";

const revalidate = () => revalidatePath("/authority/entra", "layout");

export const saveEntraSettingsAction = defineCustomerAction(
  { permission: "settings:manage", input: entraSettingsInput },
  async ({ actor }, input) => {
    const { tenantProven } = await saveEntraSettings(actor, input);
    revalidatePath("/", "layout");
    if (tenantProven) return { status: "success", message: "MS AAD settings saved." };
    return {
      status: "success",
      message:
        "MS AAD settings saved. The tenant is not verified: Microsoft issued no token with these IDs and secret, so no Entra account is tied to it (SCIM users stay contacts, nothing can be linked, no Microsoft sign-in) until a save with working settings. Test connection tells what is wrong.",
    };
  },
);

export const testConnectionAction = defineCustomerAction(
  { permission: "settings:manage", input: entraConnectionInput },
  async ({ actor }, input) => {
    const result = await testConnection(actor, input);
    return result.ok ? { status: "success", message: result.message } : { status: "error", message: result.message };
  },
);

const runAction = (trigger: "one_time" | "simulate" | "full_resync", started: string) =>
  defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }) => {
    await startRun(actor, trigger);
    revalidate();
    return { status: "success", message: started };
  });

export const oneTimeSyncAction = runAction("one_time", "One-time Sync started.");
export const simulateAction = runAction("simulate", "Simulation started: nothing will be written.");
export const fullResyncAction = runAction("full_resync", "Full resync started.");

export const confirmRemovalsAction = defineCustomerAction(
  { permission: "settings:manage", input: z.object({ id: uuid }) },
  async ({ actor }, { id }) => {
    await confirmRemovals(actor, { runId: id });
    revalidate();
    return { status: "success", message: "Removals confirmed and applied." };
  },
);
