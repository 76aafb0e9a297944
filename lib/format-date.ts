/** A moment as the company reads it: in its own time zone, with the zone named. */
export function formatDateTime(date: Date | null | undefined, timeZone: string): string {
  if (!date) return "—";
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the fields one by one.
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
    timeZoneName: "short",
  }).format(date);
}
