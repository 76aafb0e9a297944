export const pageSize = 25;

export type Page<T> = { rows: T[]; total: number; page: number; pageCount: number };

export function pageOf<T>(rows: T[], total: number, page: number, size = pageSize): Page<T> {
  return { rows, total, page, pageCount: pageCountOf(total, size) };
}

export function pageCountOf(total: number, size = pageSize): number {
  return Math.max(1, Math.ceil(total / size));
}

/**
 * The page to show for a page number asked for in a URL: a page past the end
 * (a stale bookmark, ?page=99999) is the last page, not an empty list; one
 * below 1 or not a whole number is the first.
 */
export function pageWithin(page: number, total: number, size = pageSize): number {
  if (!Number.isSafeInteger(page) || page < 1) return 1;
  return Math.min(page, pageCountOf(total, size));
}

/** `%term%` for ILIKE, with the user's own `%`, `_` and `\` taken literally. */
export function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** A text with LIKE's `%`, `_` and its escape `\` taken literally, to build a LIKE pattern around. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
