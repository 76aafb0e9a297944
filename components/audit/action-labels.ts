/** What each recorded action is called on the audit log; an action not listed shows its code. */
const actionLabels: Record<string, string> = {
  "company.update": "Company settings changed",
  "customer.create": "Customer created",
  "directory.create": "Directory entry added",
  "directory.update": "Directory entry changed",
  "directory.delete": "Directory entry deleted",
  "entra_settings.save": "MS AAD settings saved",
  "entra_settings.test_connection": "MS AAD connection tested",
  "ldap_settings.save": "Active Directory settings saved",
  "ldap_settings.test_connection": "Active Directory connection tested",
  "ldap_settings.test_authentication": "Active Directory sign-in tested",
  "manager.create": "Manager added",
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
