import { badRequest } from "./graph-error";

export type Token =
  { kind: "word"; text: string; at: number } | { kind: "string"; text: string; at: number } | { kind: "punct"; text: "(" | ")" | ","; at: number };

/** Splits a $filter into words (names, operators, true/false/null, numbers), 'strings' and punctuation. */
export function lexFilter(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === " " || c === "\t") {
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ kind: "punct", text: c, at: i });
      i++;
    } else if (c === "'") {
      const start = i;
      let text = "";
      i++;
      for (;;) {
        if (i >= source.length) throw syntaxError(source, start);
        if (source[i] === "'") {
          // OData escapes a quote inside a string by doubling it.
          if (source[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += source[i];
        i++;
      }
      tokens.push({ kind: "string", text, at: start });
    } else if (/[A-Za-z0-9_.\-/]/.test(c)) {
      const start = i;
      while (i < source.length && /[A-Za-z0-9_.\-/]/.test(source[i]!)) i++;
      tokens.push({ kind: "word", text: source.slice(start, i), at: start });
    } else {
      throw syntaxError(source, i);
    }
  }
  return tokens;
}

export function syntaxError(source: string, position: number) {
  return badRequest(`Invalid filter clause: Syntax error at position ${position} in '${source}'.`);
}
