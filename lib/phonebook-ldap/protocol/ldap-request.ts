/** What a client asked, read from its BER (protocol/read-request.ts); only the operations a phone uses are told apart. */

export type Filter =
  | { type: "and" | "or"; filters: Filter[] }
  | { type: "not"; filter: Filter }
  | { type: "equal" | "approx" | "greaterOrEqual" | "lessOrEqual"; attribute: string; value: string }
  | { type: "substrings"; attribute: string; initial: string | null; any: string[]; final: string | null }
  | { type: "present"; attribute: string }
  // extensibleMatch: no phone sends it; it evaluates to Undefined (matches nothing), as an unknown rule does in slapd.
  | { type: "unsupported" };

export type Control = { oid: string; critical: boolean; value: Uint8Array | null };

export type SearchScope = "base" | "one" | "sub" | "children";

export type LdapOperation =
  | { op: "bind"; version: number; name: string; password: string | null }
  | { op: "unbind" }
  | {
      op: "search";
      baseDn: string;
      scope: SearchScope;
      sizeLimit: number;
      typesOnly: boolean;
      filter: Filter;
      // Lowercased attribute descriptions, as asked.
      attributes: string[];
    }
  | { op: "abandon"; targetId: number }
  | { op: "extended"; oid: string; value: Uint8Array | null }
  // A write (add, modify, delete, modify DN) or compare: answered unwillingToPerform in the response of its kind.
  | { op: "refused"; responseTag: number };

export type LdapRequest = { messageId: number; controls: Control[] } & LdapOperation;
