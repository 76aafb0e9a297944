/** The IANA zones to offer in forms; `Intl` leaves out "UTC" itself, so it leads the list. */
export function timeZoneOptions(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((tz) => tz !== "UTC")];
}
