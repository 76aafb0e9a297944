/** Above this a page number is no page of any list we show. */
export const maxPage = 100_000;
const maxSearchLength = 100;

export type ListQuery = {
  q: string;
  page: number;
  /** Said on the page when the search was changed on its way in, so the result is not a surprise. */
  notice: string | null;
};

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * `?q=…&page=…` of a list page, read the one way every page reads it. The
 * query string is typed by anyone, so nothing in it fails the page: a page
 * that is not a whole number from 1 to maxPage is page 1; control characters
 * (NUL among them, which PostgreSQL refuses) and broken characters are left
 * out of the search, which is cut to 100 characters — and the page says so.
 */
export function readListQuery(params: SearchParams): ListQuery {
  const rawQ = first(params.q);
  const rawPage = first(params.page);
  const cleaned = rawQ
    .replace(/[\u0000-\u001f\u007f]|\p{Cs}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  const characters = Array.from(cleaned); // by code point, so a cut never splits a pair
  const q = characters.slice(0, maxSearchLength).join("");
  const notice =
    cleaned !== rawQ.replace(/\s+/g, " ").trim()
      ? "Your search contained control or broken characters; they were left out."
      : characters.length > maxSearchLength
        ? `Your search was cut to its first ${maxSearchLength} characters.`
        : null;
  const page = /^[0-9]{1,6}$/.test(rawPage) ? Number(rawPage) : 1;
  return { q, page: page >= 1 && page <= maxPage ? page : 1, notice };
}

function first(value: string | string[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === "string" ? v : "";
}
