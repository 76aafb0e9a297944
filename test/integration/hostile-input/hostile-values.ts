/**
 * The fixed table of hostile values the fuzz test throws (no randomness: every
 * run sends the same). Each one must be refused wherever text is taken —
 * it has a character no database stores or no form sends, or a length beyond
 * any field — so a call that accepts it is a finding, never a legitimate write.
 * `notInForms`: a lone surrogate cannot reach a server action (FormData holds
 * USVStrings, so it arrives as U+FFFD, ordinary text); it is sent to routes.
 * `huge` ones are sent where a value is read once (one field, one parameter,
 * a body), not in every parameter of every call, to keep the run short.
 * `sample`: one value of each kind (unstorable, badly encoded, too long, too
 * deep), what the sweeps throw on the embedded database (sweptValues).
 */
export type HostileValue = { name: string; value: string; huge?: boolean; notInForms?: boolean; sample?: boolean };

const depth = 5_000;

export const hostileValues: HostileValue[] = [
  { name: "NUL inside", value: "Ann\u0000Smith", sample: true },
  { name: "NUL alone", value: "\u0000" },
  { name: "NUL in a filter", value: 'userName eq "x\u0000" or displayName pr' },
  { name: "NUL in an LDAP filter", value: "(|(sAMAccountName=*)\u0000(cn=*))" },
  { name: "NUL in SQL", value: "x'); drop table accounts; --\u0000" },
  { name: "lone high surrogate", value: "Ann\uD800", notInForms: true, sample: true },
  { name: "lone low surrogate", value: "\uDC00Ann", notInForms: true },
  { name: "escape sequence", value: "\u001b[2J\u001b[31mred\u0007" },
  { name: "10,000 characters", value: "x".repeat(10_000), sample: true },
  { name: "10,000 percent signs", value: "%".repeat(10_000) },
  { name: "900,000 €", value: "€".repeat(900_000), huge: true },
  { name: `arrays ${depth} deep`, value: "[".repeat(depth) + "]".repeat(depth) },
  { name: `objects ${depth} deep`, value: '{"a":'.repeat(depth) + "1" + "}".repeat(depth), sample: true },
];

/**
 * What the sweeps throw: the whole table on PostgreSQL; on the embedded
 * database (the same PostgreSQL parser, behind the same checks) one value of
 * each kind, which proves its error paths at a third of the run time.
 */
export const sweptValues = (databaseKind: "postgres" | "pglite"): HostileValue[] =>
  databaseKind === "pglite" ? hostileValues.filter((h) => h.sample) : hostileValues;

/**
 * Query-string values that are not unstorable but are syntax an attacker
 * tries on a filter or a number: read-only parameters must answer them with
 * a 4xx or an ordinary result, never a 5xx.
 */
export const hostileSyntax: string[] = [
  'userName eq "\\x"',
  'userName eq "\\u12"',
  'userName eq "unclosed',
  'emails[type eq "work"',
  "99999999999999999999",
  "-1",
  "1e400",
  "NaN",
  "__proto__",
  "constructor.prototype",
  "' or 1=1 --",
  "%_\\",
  "(|(objectClass=*))",
];

/** Values that leave a response looking like a leak: a stack frame, a file path, SQL, a statement's parameters. */
export const leakPatterns: [string, RegExp][] = [
  ["a stack frame", /\n\s*at\s|\bat\s+\S+\s+\(|\.(?:ts|tsx|js|mjs):\d+/],
  ["a file path", /\/work\/|node_modules|file:\/\//],
  ["SQL", /\bselect\b[\s\S]{0,200}\bfrom\s+"?\w+"?|\binsert\s+into\b|\bupdate\s+"?\w+"?\s+set\b|\bdelete\s+from\b|\$\d+\b/i],
  [
    "a database error",
    /Failed query|invalid byte sequence|syntax error at or near|violates|duplicate key|relation "|column "|PostgresError|DrizzleQueryError/i,
  ],
  ["statement parameters", /(?<!ietf:)\bparams:\s|\bparameters\b/i], // not SCIM's "urn:ietf:params:scim:…"
  ["an argon2 hash", /\$argon2/],
];

export function leaksIn(text: string): string[] {
  return leakPatterns.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}
