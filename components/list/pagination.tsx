import Link from "next/link";

type Props = {
  basePath: string;
  params?: Record<string, string | undefined>;
  page: number;
  pageCount: number;
  total: number;
  /** The query parameter of the page number: a second list on a page pages on its own. */
  pageParam?: string;
  /** What the list counts, singular and plural. */
  noun?: [string, string];
};

/** Previous / next links that keep the list's other query parameters (search text, filters). */
export function Pagination({ basePath, params = {}, page, pageCount, total, pageParam = "page", noun = ["entry", "entries"] }: Props) {
  const href = (p: number) => {
    const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])));
    query.set(pageParam, String(p));
    return `${basePath}?${query}`;
  };
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm text-slate-600">
      <span>
        {total} {total === 1 ? noun[0] : noun[1]} · page {Math.min(page, pageCount)} of {pageCount}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={href(page - 1)}>
            Previous
          </Link>
        ) : null}
        {page < pageCount ? (
          <Link className="rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100" href={href(page + 1)}>
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
