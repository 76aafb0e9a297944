import type { IncomingHttpHeaders } from "node:http";
import { badRequest, unsupportedQuery } from "./graph-error";

export const MAX_PAGE_SIZE = 999;
export const DEFAULT_PAGE_SIZE = 100;

/** `$top`: 1..999, default 100. Graph rejects anything else rather than clamping it. */
export function parseTop(params: URLSearchParams, fallback = DEFAULT_PAGE_SIZE): number {
  const raw = params.get("$top");
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw unsupportedQuery(`Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`);
  }
  return value;
}

/** Advanced queries need both the ConsistencyLevel header and $count=true (or $search). */
export function isAdvancedQuery(params: URLSearchParams, headers: IncomingHttpHeaders): boolean {
  return eventual(headers) && (params.get("$count")?.toLowerCase() === "true" || params.has("$search"));
}

export function eventual(headers: IncomingHttpHeaders): boolean {
  return String(headers.consistencylevel ?? "").toLowerCase() === "eventual";
}

/** Query options the emulator does not model are refused loudly instead of being ignored. */
export function rejectUnsupportedOptions(params: URLSearchParams): void {
  if (params.has("$skip")) throw unsupportedQuery("The query parameter '$skip' is not supported.");
  if (params.has("$orderby")) throw unsupportedQuery("Sorting not supported for current query.");
  if (params.has("$search"))
    throw unsupportedQuery(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'; the emulator does not implement $search.",
    );
  const count = params.get("$count");
  if (count !== null && !["true", "false"].includes(count.toLowerCase())) throw badRequest(`Invalid value '${count}' for $count.`);
}

/** Splits `a,b , c` into names. An empty item is a syntax error, as in OData. */
export function splitList(raw: string, what: string): string[] {
  const items = raw.split(",").map((item) => item.trim());
  if (items.some((item) => item === "")) throw badRequest(`Parsing OData Select and Expand failed: Syntax error in ${what} '${raw}'.`);
  return items;
}
