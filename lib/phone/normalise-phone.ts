import { getCountries, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

export type { CountryCode };

/** The countries a company may choose as its default (ISO 3166 alpha-2, as libphonenumber-js knows them). */
export const phoneCountries: readonly CountryCode[] = getCountries();

/** The company's stored country as libphonenumber-js takes it; anything else (none, or one it no longer knows) is null. */
export function countryOf(value: string | null | undefined): CountryCode | null {
  return value && isSupportedCountry(value) ? value : null;
}

// No phone number is longer (E.164 has at most 15 digits); a longer text is a note, not a number.
const maxRawLength = 64;

/**
 * A number as written by a person or a directory, in E.164 (`+14255550100`),
 * or null when it cannot be read as one. Numbers without a country code take
 * the company's default country, with its own international prefix (011 in
 * the US); `00` is read as the international prefix everywhere, as most of
 * the world dials it and a PBX often passes it on. An extension (`ext. 12`)
 * is dropped: E.164 has none, and a caller's number never carries one.
 * "Possible" (the right length for its country), not "valid", is the test:
 * the numbering plans' ranges change and reserved demo ranges (555-01xx)
 * are real numbers in a company's directory.
 */
export function toE164(raw: string | null | undefined, country: CountryCode | null): string | null {
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  if (text === "" || text.length > maxRawLength) return null;
  const parsed = parsePhoneNumberFromString(text, country ? { defaultCountry: country } : undefined);
  if (parsed?.isPossible()) return parsed.number;
  const international = /^\s*00/.test(text) ? parsePhoneNumberFromString(`+${text.trim().slice(2)}`) : undefined;
  return international?.isPossible() ? international.number : null;
}

/**
 * An E.164 number as the company reads it: national format for its own
 * country's numbers, international for the rest. What does not parse (it
 * should not happen for a stored E.164 number) is shown as it is.
 */
export function formatPhone(e164: string, country: CountryCode | null): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return country && parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
