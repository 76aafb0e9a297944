import { toConnectorFormValues } from "@/components/sync/to-connector-form-values";
import type { VisibleLdapSettings } from "@/lib/connectors/active-directory/settings/get-ldap-settings";

/** The Active Directory form's own fields: never the sealed proxy password or who saved. */
const formFields = [
  "url",
  "startTls",
  "caCertificate",
  "baseDn",
  "bindName",
  "hasPassword",
  "userFilter",
  "usernameAttribute",
  "skipDisabled",
  "authenticationEnabled",
] as const;

/** What the Active Directory page hands its form, and so all of the settings that reach the browser. */
export const toFormValues = (row: VisibleLdapSettings) => toConnectorFormValues(row, formFields);

export type ActiveDirectoryFormValues = ReturnType<typeof toFormValues>;
