import type { SourceAttributes } from "@/db/schema";
import { toE164, type CountryCode } from "./normalise-phone";

/** The attributes that hold more of a person's numbers (Entra's every business phone, AD's otherTelephone). */
export const phoneAttributeKeys = ["businessPhones", "otherTelephone"] as const;

/** What a directory entry keeps of its numbers besides the raw ones (see db/schema/directory-entries.ts). */
export type PhoneFields = {
  officePhoneE164: string | null;
  mobilePhoneE164: string | null;
  /** Every number of the entry in E.164, each once, in order: office, mobile, then the attributes'. */
  phonesE164: string[];
  /** Each number, as written, that could not be read as one: kept here so the entry is flagged, never dropped. */
  unparsedPhones: string[];
};

type RawPhones = { officePhone: string | null; mobilePhone: string | null; attributes?: SourceAttributes | null };

/**
 * An entry's numbers in E.164, with the company's default country. Pure, so
 * the sync worker runs it on each page; the same raw numbers and country give
 * equal fields, in the same order, so a second run compares them unchanged.
 * Each distinct value is parsed once: Entra's office number is also its first
 * business phone, and a parse is the costly part (about 8 µs and 16 KB of
 * garbage with libphonenumber-js).
 */
export function phoneFields(raw: RawPhones, country: CountryCode | null): PhoneFields {
  const phonesE164: string[] = [];
  const unparsedPhones: string[] = [];
  const read = new Map<string, string | null>();
  const readOnce = (value: unknown): string | null => {
    if (typeof value !== "string" || value.trim() === "") return null;
    if (read.has(value)) return read.get(value)!;
    const e164 = toE164(value, country);
    read.set(value, e164);
    if (e164 === null) unparsedPhones.push(value);
    else if (!phonesE164.includes(e164)) phonesE164.push(e164);
    return e164;
  };
  const officePhoneE164 = readOnce(raw.officePhone);
  const mobilePhoneE164 = readOnce(raw.mobilePhone);
  for (const key of phoneAttributeKeys) {
    const value = raw.attributes && Object.hasOwn(raw.attributes, key) ? raw.attributes[key] : undefined;
    for (const item of Array.isArray(value) ? value : [value]) readOnce(item);
  }
  return { officePhoneE164, mobilePhoneE164, phonesE164, unparsedPhones };
}

/**
 * Which field of an entry holds a number in E.164: `officePhone`, `mobilePhone` (their E.164 forms are stored, so
 * compared as they are), or the attribute (`attributes.otherTelephone`, read with the company's country).
 */
export function fieldHolding(
  e164: string,
  entry: Pick<PhoneFields, "officePhoneE164" | "mobilePhoneE164"> & { attributes?: SourceAttributes | null },
  country: CountryCode | null,
): string | null {
  if (entry.officePhoneE164 === e164) return "officePhone";
  if (entry.mobilePhoneE164 === e164) return "mobilePhone";
  for (const key of phoneAttributeKeys) {
    const value = entry.attributes && Object.hasOwn(entry.attributes, key) ? entry.attributes[key] : undefined;
    if ((Array.isArray(value) ? value : [value]).some((item) => toE164(item, country) === e164)) return `attributes.${key}`;
  }
  return null;
}
