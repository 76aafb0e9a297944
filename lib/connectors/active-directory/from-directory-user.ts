import type { DirectoryUser } from "@/lib/ldap/directory-user";
import { displayNameOf, type SourceEntry } from "@/lib/sync/synced-fields";

/** A user read from Active Directory as the sync plans it: objectGUID is the key, userAccountControl's 0x2 the status. */
export function fromDirectoryUser(user: DirectoryUser): SourceEntry {
  return {
    key: user.objectGuid,
    removed: false,
    filteredOut: false,
    status: user.disabled ? "disabled" : "active",
    fields: {
      userPrincipalName: user.userPrincipalName,
      firstName: user.givenName,
      lastName: user.sn,
      displayName: displayNameOf(null, user.givenName, user.sn, user.sAMAccountName, user.userPrincipalName, user.objectGuid),
      email: user.mail,
      officePhone: user.telephoneNumber,
      mobilePhone: user.mobile,
      jobTitle: null,
      department: null,
      accountName: user.sAMAccountName,
    },
  };
}
