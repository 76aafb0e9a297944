import type { Entry } from "ldapts";
import { objectGuidToString } from "./object-guid";

/** One person from the directory, as the connector reads them. */
export type DirectoryUser = {
  objectGuid: string;
  dn: string;
  sAMAccountName: string | null;
  userPrincipalName: string | null;
  givenName: string | null;
  sn: string | null;
  mail: string | null;
  telephoneNumber: string | null;
  mobile: string | null;
  /** userAccountControl's ACCOUNTDISABLE bit (0x2). */
  disabled: boolean;
};

/** Only what we map: AD entries carry dozens of attributes we never use. */
export const DIRECTORY_USER_ATTRIBUTES = [
  "objectGUID",
  "sAMAccountName",
  "userPrincipalName",
  "givenName",
  "sn",
  "mail",
  "telephoneNumber",
  "mobile",
  "userAccountControl",
];

/** objectGUID is binary: read as text it would be mangled by UTF-8 decoding. */
export const DIRECTORY_BUFFER_ATTRIBUTES = ["objectGUID"];

const ACCOUNTDISABLE = 0x2;

export function toDirectoryUser(entry: Entry): DirectoryUser {
  // Servers answer with their own spelling of attribute names; match them without case.
  const values = new Map(Object.entries(entry).map(([name, value]) => [name.toLowerCase(), value]));
  const text = (name: string): string | null => {
    const value = values.get(name.toLowerCase());
    const first = Array.isArray(value) ? value[0] : value;
    if (first === undefined) return null;
    return Buffer.isBuffer(first) ? first.toString("utf8") : first;
  };
  const guid = values.get("objectguid");
  const guidBytes = Array.isArray(guid) ? guid[0] : guid;
  if (!Buffer.isBuffer(guidBytes)) throw new Error(`The directory returned ${entry.dn} without an objectGUID.`);
  return {
    objectGuid: objectGuidToString(guidBytes),
    dn: entry.dn,
    sAMAccountName: text("sAMAccountName"),
    userPrincipalName: text("userPrincipalName"),
    givenName: text("givenName"),
    sn: text("sn"),
    mail: text("mail"),
    telephoneNumber: text("telephoneNumber"),
    mobile: text("mobile"),
    disabled: (Number(text("userAccountControl") ?? 0) & ACCOUNTDISABLE) !== 0,
  };
}
