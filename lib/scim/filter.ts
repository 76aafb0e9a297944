import { isForbiddenKey } from "@/lib/http/parse-untrusted-json";
import { textProblem } from "@/lib/text/text-problem";
import { valuesAt } from "./attribute-path";
import { invalidFilter } from "./scim-error";

/**
 * SCIM filters (RFC 7644 §3.4.2.2): attribute operators eq ne co sw ew gt ge
 * lt le pr, `and`, `or`, `not`, parentheses and value paths (`emails[type eq
 * "work"]`). Values may be quoted strings, true/false/null, numbers, or — as
 * Entra's docs and Microsoft's test collection send them — a bare word.
 */
export type Filter =
  | { kind: "compare"; path: string; op: string; value: unknown }
  | { kind: "present"; path: string }
  | { kind: "and" | "or"; left: Filter; right: Filter }
  | { kind: "not"; filter: Filter }
  | { kind: "valuePath"; path: string; filter: Filter };

const operators = new Set(["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]);

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if ("()[]".includes(c)) {
      tokens.push(c);
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let value = '"';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length) value += text[j++];
        value += text[j++];
      }
      if (j >= text.length) throw invalidFilter("A quoted value in the filter is not closed.");
      tokens.push(`${value}"`);
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j]!) && !"()[]".includes(text[j]!)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

function literal(token: string): unknown {
  if (token.startsWith('"')) {
    let value: string;
    try {
      value = JSON.parse(token) as string;
    } catch {
      throw invalidFilter(`${token.slice(0, 100)} is not a valid quoted value (check its backslash escapes).`);
    }
    // An escape can spell what the raw text may not hold.
    const problem = textProblem(value);
    if (problem) throw invalidFilter(`A filter value is refused. ${problem}`);
    return value;
  }
  const lower = token.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  if (/^-?\d+(\.\d+)?$/.test(token)) return Number(token);
  return token;
}

// Entra's filters are one comparison; Microsoft's test collection's longest is a few
// hundred characters. The bounds keep a hostile filter from costing memory or stack.
const maxFilterLength = 4096;
const maxNesting = 16;

export function parseFilter(text: string): Filter {
  if (text.length > maxFilterLength) throw invalidFilter(`The filter is longer than ${maxFilterLength} characters.`);
  const problem = textProblem(text, { multiline: true });
  if (problem) throw invalidFilter(`The filter is refused. ${problem}`);
  const tokens = tokenize(text);
  let at = 0;
  let nesting = 0;
  const enter = () => {
    if (++nesting > maxNesting) throw invalidFilter(`The filter nests parentheses or brackets more than ${maxNesting} deep.`);
  };
  const peek = () => tokens[at]?.toLowerCase();
  const next = () => {
    const token = tokens[at++];
    if (token === undefined) throw invalidFilter(`The filter "${text.slice(0, 200)}" ends too early.`);
    return token;
  };
  const expect = (token: string) => {
    if (next() !== token) throw invalidFilter(`Expected "${token}" in the filter "${text.slice(0, 200)}".`);
  };

  function or(): Filter {
    let left = and();
    while (peek() === "or") {
      at++;
      left = { kind: "or", left, right: and() };
    }
    return left;
  }
  function and(): Filter {
    let left = unary();
    while (peek() === "and") {
      at++;
      left = { kind: "and", left, right: unary() };
    }
    return left;
  }
  function unary(): Filter {
    if (peek() === "not") {
      at++;
      expect("(");
      enter();
      const filter = or();
      expect(")");
      nesting--;
      return { kind: "not", filter };
    }
    if (peek() === "(") {
      at++;
      enter();
      const filter = or();
      expect(")");
      nesting--;
      return filter;
    }
    const path = next();
    if (!/^[A-Za-z$][\w.:$-]*$/.test(path) || path.split(/[.:]/).some(isForbiddenKey)) throw invalidFilter(`"${path.slice(0, 100)}" is not an attribute name.`);
    if (peek() === "[") {
      at++;
      enter();
      const filter = or();
      expect("]");
      nesting--;
      return { kind: "valuePath", path, filter };
    }
    const op = next().toLowerCase();
    if (op === "pr") return { kind: "present", path };
    if (!operators.has(op)) throw invalidFilter(`"${op.slice(0, 100)}" is not a filter operator.`);
    return { kind: "compare", path, op, value: literal(next()) };
  }

  const filter = or();
  if (at < tokens.length) throw invalidFilter(`Unexpected "${tokens[at]!.slice(0, 100)}" in the filter "${text.slice(0, 200)}".`);
  return filter;
}

const isDate = (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v));

function compare(actual: unknown, op: string, expected: unknown): boolean {
  if (isDate(actual) && isDate(expected)) {
    const [a, b] = [Date.parse(actual), Date.parse(expected)];
    return { eq: a === b, ne: a !== b, gt: a > b, ge: a >= b, lt: a < b, le: a <= b }[op as "eq"] ?? false;
  }
  if (typeof actual === "string" && typeof expected === "string") {
    // caseExact is false for the attributes we filter on (userName, emails, names).
    const [a, b] = [actual.toLowerCase(), expected.toLowerCase()];
    return (
      { eq: a === b, ne: a !== b, co: a.includes(b), sw: a.startsWith(b), ew: a.endsWith(b), gt: a > b, ge: a >= b, lt: a < b, le: a <= b }[op as "eq"] ?? false
    );
  }
  if (typeof actual === "boolean" && typeof expected === "string") return compare(String(actual), op, expected);
  if (op === "eq") return actual === expected;
  if (op === "ne") return actual !== expected;
  if (typeof actual === "number" && typeof expected === "number") {
    return { gt: actual > expected, ge: actual >= expected, lt: actual < expected, le: actual <= expected }[op as "gt"] ?? false;
  }
  return false;
}

/** Does a resource (as its SCIM JSON) match the filter? */
export function matches(resource: Record<string, unknown>, filter: Filter): boolean {
  switch (filter.kind) {
    case "and":
      return matches(resource, filter.left) && matches(resource, filter.right);
    case "or":
      return matches(resource, filter.left) || matches(resource, filter.right);
    case "not":
      return !matches(resource, filter.filter);
    case "present":
      return valuesAt(resource, filter.path).some((v) => v !== "" && !(Array.isArray(v) && v.length === 0));
    case "valuePath":
      return valuesAt(resource, filter.path).some(
        (item) => typeof item === "object" && item !== null && matches(item as Record<string, unknown>, filter.filter),
      );
    case "compare": {
      const values = valuesAt(resource, filter.path);
      if (filter.op === "ne") return values.every((v) => compare(v, "ne", filter.value));
      return values.some((v) => compare(v, filter.op, filter.value));
    }
  }
}

/** `attr eq "value"` alone: what Entra sends, answered by an index rather than a scan. */
export function simpleEquality(filter: Filter): { path: string; value: string } | null {
  if (filter.kind !== "compare" || filter.op !== "eq" || typeof filter.value !== "string") return null;
  return { path: filter.path.toLowerCase(), value: filter.value };
}
