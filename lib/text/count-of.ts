/**
 * A number with its noun in the right number: "1 page", "3 pages", "0 entries".
 * English only, as every screen is; the plural is given where it is not the noun + "s".
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
