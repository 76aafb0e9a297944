import { AndFilter, EqualityFilter, type Filter, FilterParser, SubstringFilter } from "ldapts";
import { defaultUserFilter, type LdapConnectionConfig } from "./ldap-connection-config";
import { LdapProblemError } from "./ldap-problem";

/** The administrator's filter (blank means ours), parsed before anything is sent. */
export function parseUserFilter(text: string): Filter {
  const filter = text.trim() || defaultUserFilter;
  try {
    // ldapts quietly closes missing parentheses; a filter typed that way was probably cut short.
    // Parentheses inside values are written \28 and \29, so counting them is exact.
    if (filter.split("(").length !== filter.split(")").length) throw new Error("unbalanced");
    return FilterParser.parseString(filter);
  } catch {
    throw new LdapProblemError({
      code: "invalid_filter",
      message: "The user filter is not a valid LDAP filter, e.g. (&(objectClass=user)(department=Sales)).",
      retryable: false,
    });
  }
}

/**
 * The user filter AND the sign-in name, built as filter objects: the name
 * travels as a plain value, never as filter text, so "*)(cn=*" matches only
 * an account literally called that. `name` is already reduced (no domain);
 * for userPrincipalName it must be the part before the @.
 */
export function signInNameFilter(config: Pick<LdapConnectionConfig, "userFilter" | "usernameAttribute">, name: string): Filter {
  const match =
    config.usernameAttribute === "userPrincipalName"
      ? new SubstringFilter({ attribute: "userPrincipalName", initial: `${name}@` })
      : new EqualityFilter({ attribute: "sAMAccountName", value: name });
  return new AndFilter({ filters: [parseUserFilter(config.userFilter), match] });
}
