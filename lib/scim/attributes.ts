type Json = Record<string, unknown>;
const alwaysReturned = new Set(["id", "schemas", "meta"]);

const names = (list: string | null) =>
  (list ?? "")
    .split(",")
    .map((n) => n.trim().replace(/\[.*$/, "").split(".")[0]!.toLowerCase())
    .filter(Boolean);

/** `attributes=` and `excludedAttributes=` (RFC 7644 §3.9): which top-level attributes a response carries. */
export function project(resource: Json, query: URLSearchParams): Json {
  const only = names(query.get("attributes"));
  const excluded = new Set(names(query.get("excludedAttributes")));
  const out: Json = {};
  for (const [key, value] of Object.entries(resource)) {
    const lower = key.toLowerCase();
    if (alwaysReturned.has(lower) || ((only.length === 0 || only.includes(lower)) && !excluded.has(lower))) out[key] = value;
  }
  return out;
}

// Past any customer's size, and within what PostgreSQL takes as an OFFSET.
const maxStartIndex = 2_147_483_647;

/** Paging parameters: 1-based startIndex (past the end is an empty page, RFC 7644 §3.4.2.4), count capped so one request stays small. */
export function pageParams(query: URLSearchParams): { startIndex: number; count: number } {
  const start = Number.parseInt(query.get("startIndex") ?? "1", 10);
  const count = Number.parseInt(query.get("count") ?? "100", 10);
  return {
    startIndex: Number.isFinite(start) && start > 0 ? Math.min(start, maxStartIndex) : 1,
    count: Number.isFinite(count) ? Math.min(Math.max(count, 0), 500) : 100,
  };
}
