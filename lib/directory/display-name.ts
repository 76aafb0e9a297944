/** The name shown in the directory: as given, or made from first and last name. */
export function displayNameOf(entry: { displayName: string | null; firstName: string | null; lastName: string | null }): string {
  return entry.displayName || [entry.firstName, entry.lastName].filter(Boolean).join(" ");
}
