import { provisioningActionLabels } from "@/components/provisioning/provisioning-action-labels";

/** What each recorded action is called on the audit log; an action not listed shows its code. */
const actionLabels: Record<string, string> = {
  "company.update": "Company settings changed",
  "company.picklists": "Package, user type and site lists changed",
  "customer.create": "Customer created",
  "customer.suspend": "Customer suspended",
  "customer.reactivate": "Customer reactivated",
  "directory.create": "Directory entry added",
  "directory.update": "Directory entry changed",
  "directory.delete": "Directory entry deleted",
  "entra_settings.save": "MS AAD settings saved",
  "entra_settings.test_connection": "MS AAD connection tested",
  "ldap_settings.save": "Active Directory settings saved",
  "ldap_settings.test_connection": "Active Directory connection tested",
  "ldap_settings.test_authentication": "Active Directory sign-in tested",
  "manager.create": "Manager added",
  "provisioning_settings.save": "Provisioning settings saved",
  // What provisioning did for a person Entra pushed over SCIM (runs list their own on the run page).
  ...Object.fromEntries(
    Object.entries(provisioningActionLabels).map(([action, label]) => [`provisioning.${action}`, `SCIM provisioning: ${label.toLowerCase()}`]),
  ),
  "matches.apply": "Existing users matched to directory people",
  "device.regenerate_credential": "Device credential regenerated",
  "user.hand_set_release": "Field handed back to provisioning",
  "manager.delete": "Manager deleted",
  "profile.update": "Own profile changed",
  "profile.password_change": "Own password changed",
  "profile.sign_out_everywhere": "Signed out of all sessions",
  "scim_token.create": "SCIM token created",
  "scim_token.revoke": "SCIM token revoked",
  "sync.confirm_removals": "Sync removals confirmed",
  "user.create": "User added",
  "user.update": "User changed",
  "user.delete": "User deleted",
  "account.link": "Login linked to an Entra account",
  "account.unlink": "Login unlinked from its Entra account",
};

export const actionLabel = (action: string) => actionLabels[action] ?? action;
