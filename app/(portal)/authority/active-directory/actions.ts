"use server";

import { connectorLabels } from "@/components/sync/connector-labels";
import { connectorActions } from "@/lib/actions/connector-actions";
import { saveLdapSettings } from "@/lib/connectors/active-directory/settings/save-ldap-settings";
import { testLdapAuthentication } from "@/lib/connectors/active-directory/settings/test-ldap-authentication";
import { testLdapSettings } from "@/lib/connectors/active-directory/settings/test-ldap-settings";
import { ldapConnectionInput, ldapSettingsInput, ldapTestAuthenticationInput } from "@/lib/validation/ldap-settings-input";

const { label, path } = connectorLabels["active-directory"];
const actions = connectorActions({ connector: "active-directory", path });

export const saveLdapSettingsAction = actions.save(ldapSettingsInput, saveLdapSettings, () => `${label} settings saved.`);
export const testLdapConnectionAction = actions.test(ldapConnectionInput, testLdapSettings);
export const testLdapAuthenticationAction = actions.test(ldapTestAuthenticationInput, testLdapAuthentication);
export const oneTimeImportAction = actions.startRun("one_time", "One-time import started.");
export const simulateImportAction = actions.startRun("simulate", "Simulation started: nothing will be written.");
export const confirmLdapRemovalsAction = actions.confirmRemovals();
