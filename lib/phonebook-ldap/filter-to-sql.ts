import { sql, type SQL } from "drizzle-orm";
import { escapeLike } from "@/lib/pagination";
import { toE164, type CountryCode } from "@/lib/phone/normalise-phone";
import type { Filter } from "./protocol/ldap-request";
import { objectClasses, type SearchableAttribute } from "./phonebook-attributes";

const FALSE = sql`false`;
const TRUE = sql`true`;
// LDAP's Undefined (an attribute we do not know, a rule we do not have): SQL's NULL has the same three-valued logic —
// NOT Undefined is Undefined, and a WHERE that is NULL selects nothing — so it is passed on as NULL.
const UNDEFINED = sql`null::boolean`;

export type FilterContext = {
  /** The searchable attributes (lowercased names), each as SQL over the published entries; mobile left out when hidden. */
  attributes: Readonly<Record<string, SearchableAttribute>>;
  /** The company's default country: a number typed without one is read as the company's. */
  country: CountryCode | null;
};

/**
 * An LDAP filter as a parameterised SQL condition. Every value a client
 * sends is a bound parameter — never SQL text, never filter syntax: `*`,
 * `(`, `)` arrive decoded from BER and are matched as characters, and LIKE's
 * own `%`, `_` and `\` are escaped. Text is compared case-insensitively
 * (ILIKE), as LDAP's caseIgnoreMatch does; phone numbers also as E.164 with
 * the company's country, so a caller's number in any format finds its owner.
 */
export function filterToSql(filter: Filter, context: FilterContext): SQL {
  switch (filter.type) {
    case "and":
      return filter.filters.length === 0
        ? TRUE
        : sql`(${sql.join(
            filter.filters.map((f) => filterToSql(f, context)),
            sql` and `,
          )})`;
    case "or":
      return filter.filters.length === 0
        ? FALSE
        : sql`(${sql.join(
            filter.filters.map((f) => filterToSql(f, context)),
            sql` or `,
          )})`;
    case "not":
      return sql`(not ${filterToSql(filter.filter, context)})`;
    case "present":
      return present(filter.attribute, context);
    case "equal":
    case "approx":
      return equal(filter.attribute, filter.value, context);
    case "substrings":
      return substrings(filter, context);
    default:
      // Ordering (>=, <=) on names and numbers means nothing to a phone, and extensible rules are not offered.
      return UNDEFINED;
  }
}

function present(name: string, { attributes }: FilterContext): SQL {
  if (name === "objectclass") return TRUE;
  const attribute = attributes[name];
  return attribute ? sql`(${attribute.column} is not null)` : UNDEFINED;
}

function equal(name: string, value: string, { attributes, country }: FilterContext): SQL {
  if (name === "objectclass") return objectClasses.some((c) => c.toLowerCase() === value.toLowerCase()) ? TRUE : FALSE;
  const attribute = attributes[name];
  if (!attribute) return UNDEFINED;
  // PostgreSQL stores no NUL, so a value holding one equals nothing (and must not reach it as a parameter).
  if (value.includes("\u0000")) return FALSE;
  if (attribute.equals) return attribute.equals(value);
  const e164 = attribute.e164 && toE164(value, country);
  // A number that parses is found through the GIN index on phones_e164 alone: the same text as written would have
  // parsed to the same number (toE164 is a function of the text and the country), so no entry holds it raw only.
  if (attribute.e164 && e164) return sql`(${attribute.e164.all} @> array[${e164}]::text[] and ${attribute.e164.column} = ${e164})`;
  return sql`coalesce(lower(${attribute.column}) = lower(${value}), false)`;
}

function substrings(filter: Extract<Filter, { type: "substrings" }>, { attributes }: FilterContext): SQL {
  const pieces = [filter.initial ?? "", ...filter.any, filter.final ?? ""];
  if (filter.attribute === "objectclass") {
    const pattern = new RegExp(`^${pieces.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "i");
    return objectClasses.some((c) => pattern.test(c)) ? TRUE : FALSE;
  }
  const attribute = attributes[filter.attribute];
  if (!attribute) return UNDEFINED;
  if (pieces.some((piece) => piece.includes("\u0000"))) return FALSE;
  const pattern = pieces.map(escapeLike).join("%");
  const literal = sql`coalesce(${attribute.column} ilike ${pattern}, false)`;
  // A typed prefix of a number (`+1425…`, `0425…`) is found in the E.164 form as well as in the number as written.
  return attribute.e164 ? sql`(${literal} or coalesce(${attribute.e164.column} ilike ${pattern}, false))` : literal;
}
