import { toConnectorFormValues } from "@/components/sync/to-connector-form-values";
import type { VisibleEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";

/** The MS AAD form's own fields: never the sealed secret, the delta link, the verified tenant or who saved. */
const formFields = ["tenantId", "clientId", "hasSecret", "secretExpiresOn", "skipGuests", "skipDisabled", "requireMicrosoftSignIn", "groupFilter"] as const;

/** What the MS AAD page hands its form, and so all of the settings that reach the browser. */
export const toFormValues = (row: VisibleEntraSettings) => toConnectorFormValues(row, formFields);

export type EntraFormValues = ReturnType<typeof toFormValues>;
