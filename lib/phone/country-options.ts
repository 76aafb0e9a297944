import { phoneCountries } from "./normalise-phone";

/** Every country a company may choose for its phone numbers, by English name, for a select. */
export function countryOptions(): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(["en"], { type: "region" });
  return phoneCountries.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` })).sort((a, b) => a.label.localeCompare(b.label, "en"));
}
