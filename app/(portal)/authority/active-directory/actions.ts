"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { saveLdapSettings } from "@/lib/ldap-settings/save-ldap-settings";
import { testLdapAuthentication } from "@/lib/ldap-settings/test-ldap-authentication";
import { testLdapSettings } from "@/lib/ldap-settings/test-ldap-settings";
import { confirmRemovals } from "@/lib/sync/confirm-removals";
import { startRun } from "@/lib/sync/start-run";
import { uuid } from "@/lib/validation/fields";
import { ldapConnectionInput, ldapSettingsInput, ldapTestAuthenticationInput } from "@/lib/validation/ldap-settings-input";

const revalidate = () => revalidatePath("/authority/active-directory", "layout");

export const saveLdapSettingsAction = defineCustomerAction(
  { permission: "settings:manage", input: ldapSettingsInput },
  async ({ actor }, input) => {
    await saveLdapSettings(actor, input);
    revalidatePath("/", "layout");
    return { status: "success", message: "Active Directory settings saved." };
  },
);

export const testLdapConnectionAction = defineCustomerAction(
  { permission: "settings:manage", input: ldapConnectionInput },
  async ({ actor }, input) => {
    const result = await testLdapSettings(actor, input);
    return { status: result.ok ? "success" : "error", message: result.message };
  },
);

export const testLdapAuthenticationAction = defineCustomerAction(
  { permission: "settings:manage", input: ldapTestAuthenticationInput },
  async ({ actor }, input) => {
    const result = await testLdapAuthentication(actor, input);
    return { status: result.ok ? "success" : "error", message: result.message };
  },
);

const runAction = (trigger: "one_time" | "simulate", started: string) =>
  defineCustomerAction({ permission: "settings:manage", input: z.object({}) }, async ({ actor }) => {
    await startRun(actor, trigger, "ldap");
    revalidate();
    return { status: "success", message: started };
  });

export const oneTimeImportAction = runAction("one_time", "One-time import started.");
export const simulateImportAction = runAction("simulate", "Simulation started: nothing will be written.");

export const confirmLdapRemovalsAction = defineCustomerAction(
  { permission: "settings:manage", input: z.object({ id: uuid }) },
  async ({ actor }, { id }) => {
    await confirmRemovals(actor, { runId: id });
    revalidate();
    return { status: "success", message: "Removals confirmed and applied." };
  },
);
