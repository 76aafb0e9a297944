import { Filter } from "ldapts";

/**
 * RFC 4515 escaping of a value put into a filter string: *, (, ), \ and NUL
 * become \2a, \28, \29, \5c and \00, so "*)(sAMAccountName=*" stays one
 * literal value. Our own searches build filter objects instead (values go on
 * the wire as they are and need no escaping); this is for filters kept as text.
 */
export function escapeFilterValue(value: string): string {
  return Filter.escape(value);
}
