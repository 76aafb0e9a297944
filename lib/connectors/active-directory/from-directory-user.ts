import type { DirectoryUser } from "@/lib/ldap/directory-user";
import type { SourceAttributes } from "@/db/schema";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { phoneFields } from "@/lib/phone/phone-fields";
import { displayNameOf, type SourceEntry } from "@/lib/sync/synced-fields";

/**
 * A user read from Active Directory as the sync plans it: objectGUID is the key, userAccountControl's 0x2 the
 * status; its numbers also in E.164, with the company's default country.
 */
export function fromDirectoryUser(user: DirectoryUser, country: CountryCode | null): SourceEntry {
  const attributes = attributesOf(user);
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
      jobTitle: blankToNull(user.title),
      department: blankToNull(user.department),
      accountName: user.sAMAccountName,
      attributes,
      ...phoneFields({ officePhone: user.telephoneNumber, mobilePhone: user.mobile, attributes }, country),
    },
  };
}

const blankToNull = (value: string | null) => (value && value.trim() !== "" ? value : null);

/** AD's extra attributes under the directory's keys (Entra's names where both have one); empty ones are left out. */
export function attributesOf(user: DirectoryUser): SourceAttributes {
  const out: SourceAttributes = {};
  const put = (key: string, value: string | null) => {
    if (blankToNull(value)) out[key] = value!;
  };
  put("ipPhone", user.ipPhone);
  if (user.otherTelephone.length > 0) out.otherTelephone = [...user.otherTelephone];
  put("manager", user.manager);
  put("officeLocation", user.physicalDeliveryOfficeName);
  put("employeeId", user.employeeID);
  put("companyName", user.company);
  put("city", user.l);
  put("country", user.co);
  return out;
}
