import "server-only";
import { directoryEntries, entraSettings } from "@/db/schema";
import { diagnoseEntraError } from "@/lib/entra/diagnose-entra-error";
import { explainEntraError } from "@/lib/entra/explain-entra-error";
import type { Connector } from "@/lib/sync/connector";
import { ofCustomer } from "@/lib/tenancy";
import { openEntraRound } from "./open-entra-round";
import { entraProvisioningScope } from "./provisioning-scope";
import { entraScreen } from "./screen";
import { getEntraSettings } from "./settings/get-entra-settings";

/** Microsoft Entra ID through Graph's `/users/delta`: full rounds, then only the changes since the saved delta link. */
export const entraConnector: Connector = {
  id: "entra",
  label: entraScreen.label,
  source: "entra",
  keyColumn: directoryEntries.aadObjectId,
  hasSettings: async ({ customerId }) => (await getEntraSettings({ customerId })) !== null,
  openRound: openEntraRound,
  provisioningScope: entraProvisioningScope,
  schedule: ({ customerId }) => getEntraSettings({ customerId }),
  explainError: async ({ customerId, error }) => {
    const settings = await getEntraSettings({ customerId });
    // With the tenant known, a refusal is diagnosed further (which of tenant, app or secret is wrong).
    return settings ? diagnoseEntraError(error, settings.tenantId) : explainEntraError(error);
  },
  // The delta link is the company's only once its run succeeded (or its removals were confirmed).
  savePosition: async (tx, { customerId, position, at }) => {
    await tx.update(entraSettings).set({ deltaLink: position, deltaLinkAt: at }).where(ofCustomer(entraSettings, customerId));
  },
};
