/**
 * Old IANA names (kept in tzdata as links) and the canonical name each now
 * points to. Node's ICU still lists some zones by their old name
 * (`Intl.supportedValuesOf` on Node 20 gives Asia/Calcutta, not Asia/Kolkata),
 * so the list offered in forms is mapped through this; a setting saved under
 * an old name is read as the canonical one. Both names are the same zone, so
 * schedules keep their times.
 */
const canonicalNames: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/** The canonical IANA name of a zone (Asia/Calcutta → Asia/Kolkata); any other name is returned as it is. */
export function canonicalTimeZone(name: string): string {
  return canonicalNames[name] ?? name;
}

/** The IANA zones to offer in forms, by their canonical names; `Intl` leaves out "UTC" itself, so it leads the list. */
export function timeZoneOptions(): string[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone").map(canonicalTimeZone));
  zones.delete("UTC");
  return ["UTC", ...[...zones].sort()];
}
