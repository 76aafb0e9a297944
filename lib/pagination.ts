export const pageSize = 25;

export type Page<T> = { rows: T[]; total: number; page: number; pageCount: number };

export function pageOf<T>(rows: T[], total: number, page: number, size = pageSize): Page<T> {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / size)) };
}

/** `%term%` for ILIKE, with the user's own `%`, `_` and `\` taken literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
