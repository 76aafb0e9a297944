import { badRequest, unsupportedQuery } from "./graph-error";
import { lexFilter, syntaxError, type Token } from "./odata-filter-lexer";

/** Graph's limit on the clauses one `or` chain may join. */
const MAX_OR_CLAUSES = 15;

export interface FilterField<T> {
  type: "string" | "boolean";
  get: (item: T) => string | boolean | null;
}

export interface FilterSchema<T> {
  /** e.g. "microsoft.graph.user", for error messages. */
  typeName: string;
  /** Properties that exist on the type (any of them may be named in a filter). */
  isKnown: (name: string) => boolean;
  /** The subset the emulator can filter on. */
  fields: Record<string, FilterField<T>>;
}

export interface CompiledFilter<T> {
  test: (item: T) => boolean;
  /** Set for `<property> eq '<value>'` alone, so callers can use an index. */
  equality?: { property: string; value: string | boolean | null };
}

/**
 * Compiles the subset of OData $filter that directory queries use: `eq`,
 * `startswith(...)` and `and`/`or`/parentheses always; `ne`, `not` and
 * `endswith(...)` only as advanced queries (ConsistencyLevel: eventual and
 * $count=true), otherwise 400 Request_UnsupportedQuery, as Graph answers.
 * String comparisons are case-insensitive, as they are in the directory.
 */
export function compileFilter<T>(source: string, schema: FilterSchema<T>, advanced: boolean): CompiledFilter<T> {
  const tokens = lexFilter(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++] ?? failAt(source.length);
  const failAt = (at: number): never => {
    throw syntaxError(source, at);
  };
  const expectPunct = (text: string) => {
    const token = next();
    if (token.kind !== "punct" || token.text !== text) failAt(token.at);
  };
  const isWord = (token: Token | undefined, word: string) => token?.kind === "word" && token.text.toLowerCase() === word;
  const requireAdvanced = (operator: string) => {
    if (!advanced) throw unsupportedQuery(`Filter operator '${operator}' is not supported.`);
  };

  const field = (token: Token): [string, FilterField<T>] => {
    if (token.kind !== "word") return failAt(token.at);
    const name = Object.keys(schema.fields).find((key) => key.toLowerCase() === token.text.toLowerCase());
    if (name) return [name, schema.fields[name]!];
    if (schema.isKnown(token.text)) {
      throw unsupportedQuery(`Unsupported or invalid query filter clause specified for property '${token.text}' of resource '${schema.typeName}'.`);
    }
    throw badRequest(`Could not find a property named '${token.text}' on type '${schema.typeName}'.`);
  };

  const literal = (f: FilterField<T>, token: Token): string | boolean | null => {
    if (token.kind === "string") {
      if (f.type !== "string") throw incompatible(f.type, "Edm.String");
      return token.text.toLowerCase();
    }
    const word = token.kind === "word" ? token.text.toLowerCase() : "";
    if (word === "null") return null;
    if (word === "true" || word === "false") {
      if (f.type !== "boolean") throw incompatible(f.type, "Edm.Boolean");
      return word === "true";
    }
    return failAt(token.at);
  };

  const comparable = (value: string | boolean | null) => (typeof value === "string" ? value.toLowerCase() : value);

  const primary = (): CompiledFilter<T>["test"] => {
    const token = next();
    if (token.kind === "punct" && token.text === "(") {
      const inner = disjunction();
      expectPunct(")");
      return inner;
    }
    if (isWord(token, "not")) {
      requireAdvanced("Not");
      const inner = primary();
      return (item) => !inner(item);
    }
    const fn = token.kind === "word" ? token.text.toLowerCase() : "";
    if ((fn === "startswith" || fn === "endswith") && peek()?.kind === "punct" && peek()?.text === "(") {
      if (fn === "endswith") requireAdvanced("EndsWith");
      expectPunct("(");
      const [, f] = field(next());
      if (f.type !== "string") throw incompatible(f.type, "Edm.String");
      expectPunct(",");
      const prefix = literal(f, next());
      expectPunct(")");
      if (typeof prefix !== "string") return failAt(token.at);
      return fn === "startswith"
        ? (item) => String(comparable(f.get(item)) ?? "").startsWith(prefix)
        : (item) => String(comparable(f.get(item)) ?? "").endsWith(prefix);
    }
    const [, f] = field(token);
    const operator = next();
    const op = operator.kind === "word" ? operator.text.toLowerCase() : "";
    if (op !== "eq" && op !== "ne") {
      if (["gt", "ge", "lt", "le", "in", "has"].includes(op)) throw unsupportedQuery(`Unsupported Query.`);
      return failAt(operator.at);
    }
    if (op === "ne") requireAdvanced("NotEqualsMatch");
    const value = literal(f, next());
    return op === "eq" ? (item) => comparable(f.get(item)) === value : (item) => comparable(f.get(item)) !== value;
  };

  const conjunction = () => {
    let test = primary();
    while (isWord(peek(), "and")) {
      next();
      const left = test;
      const right = primary();
      test = (item) => left(item) && right(item);
    }
    return test;
  };

  const disjunction = (): CompiledFilter<T>["test"] => {
    let test = conjunction();
    let clauses = 1;
    while (isWord(peek(), "or")) {
      next();
      clauses++;
      const left = test;
      const right = conjunction();
      test = (item) => left(item) || right(item);
    }
    if (clauses > MAX_OR_CLAUSES) {
      throw unsupportedQuery(
        `Too many child clauses specified in search filter expression containing 'OR' operators: ${clauses}. Max allowed: ${MAX_OR_CLAUSES}.`,
      );
    }
    return test;
  };

  if (tokens.length === 0) failAt(0);
  const test = disjunction();
  if (pos < tokens.length) failAt(tokens[pos]!.at);
  return { test, equality: simpleEquality(tokens, schema) };
}

function incompatible(fieldType: "string" | "boolean", literalType: string) {
  const edm = fieldType === "string" ? "Edm.String" : "Edm.Boolean";
  return badRequest(`A binary operator with incompatible types was detected. Found operand types '${edm}' and '${literalType}' for operator kind 'Equal'.`);
}

function simpleEquality<T>(tokens: Token[], schema: FilterSchema<T>): CompiledFilter<T>["equality"] {
  const [property, operator, value] = tokens;
  if (tokens.length !== 3 || property?.kind !== "word" || operator?.kind !== "word" || operator.text.toLowerCase() !== "eq") return undefined;
  const name = Object.keys(schema.fields).find((key) => key.toLowerCase() === property.text.toLowerCase());
  if (!name || value?.kind !== "string") return undefined;
  return { property: name, value: value.text };
}
