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
  title: string | null;
  department: string | null;
  ipPhone: string | null;
  /** Multi-valued: every other telephone number, in the directory's order. */
  otherTelephone: string[];
  /** The manager's DN. */
  manager: string | null;
  physicalDeliveryOfficeName: string | null;
  employeeID: string | null;
  company: string | null;
  /** The city (locality). */
  l: string | null;
  /** The country's name. */
  co: string | null;
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
  "title",
  "department",
  "ipPhone",
  "otherTelephone",
  "manager",
  "physicalDeliveryOfficeName",
  "employeeID",
  "company",
  "l",
  "co",
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
  const texts = (name: string): string[] => {
    const value = values.get(name.toLowerCase());
    const all = value === undefined ? [] : Array.isArray(value) ? value : [value];
    return all.map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : v)).filter((v) => v.trim() !== "");
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
    title: text("title"),
    department: text("department"),
    ipPhone: text("ipPhone"),
    otherTelephone: texts("otherTelephone"),
    manager: text("manager"),
    physicalDeliveryOfficeName: text("physicalDeliveryOfficeName"),
    employeeID: text("employeeID"),
    company: text("company"),
    l: text("l"),
    co: text("co"),
    disabled: (Number(text("userAccountControl") ?? 0) & ACCOUNTDISABLE) !== 0,
  };
}
