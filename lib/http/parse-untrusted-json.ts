import { textProblem } from "@/lib/text/text-problem";

/**
 * JSON from outside (a SCIM client, a route's body), parsed so that nothing in
 * it can reach an object's prototype or the database's refusals later:
 *
 * - `__proto__`, `constructor` and `prototype` are refused as keys at any
 *   depth: code that walks or copies parsed input (`obj[key] = …`,
 *   `Object.assign`) would otherwise write to `Object.prototype`;
 * - NUL, unpaired surrogates and control characters are refused in keys and
 *   strings (lib/text/text-problem.ts, the rule every form field keeps):
 *   PostgreSQL stores neither of the first two in text or jsonb, and would
 *   answer with an error instead; the others only hide text;
 * - nesting is bounded before parsing, so no recursive walk of the result can
 *   overflow the stack.
 *
 * The result is plain data. The caller turns the error into its own answer
 * (SCIM's error shape, a 400); its message is safe to show.
 */
export class UntrustedJsonError extends Error {
  constructor(
    message: string,
    readonly reason: "syntax" | "depth" | "key" | "text",
  ) {
    super(message);
    this.name = "UntrustedJsonError";
  }
}

export const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const isForbiddenKey = (key: string) => forbiddenKeys.has(key.toLowerCase());

/**
 * Refuses a prototype key anywhere in already-parsed data (iteratively: no
 * recursion to overflow). For code that takes objects from a caller other than
 * parseUntrustedJson, e.g. a PATCH applied to a stored resource.
 */
export function refuseForbiddenKeys(value: unknown): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next || typeof next !== "object") continue;
    for (const [key, child] of Object.entries(next)) {
      if (isForbiddenKey(key)) throw new UntrustedJsonError(`"${key}" is not allowed as a name.`, "key");
      pending.push(child);
    }
  }
}

const defaultMaxDepth = 32;

/** The deepest nesting of arrays and objects, found without parsing (strings skipped). */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

export function parseUntrustedJson(text: string, { maxDepth = defaultMaxDepth } = {}): unknown {
  if (nestingDepth(text, maxDepth) > maxDepth) throw new UntrustedJsonError(`The JSON is nested more than ${maxDepth} levels deep.`, "depth");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (isForbiddenKey(key)) throw new UntrustedJsonError(`"${key}" is not allowed as a name.`, "key");
      const keyProblem = textProblem(key);
      if (keyProblem) throw new UntrustedJsonError(`A name is refused. ${keyProblem}`, "text");
      // Values may span lines (a postal address); names may not.
      const valueProblem = typeof value === "string" ? textProblem(value, { multiline: true }) : null;
      if (valueProblem) throw new UntrustedJsonError(`A value is refused. ${valueProblem}`, "text");
      return value;
    });
  } catch (error) {
    if (error instanceof UntrustedJsonError) throw error;
    throw new UntrustedJsonError("The body is not valid JSON.", "syntax");
  }
  return parsed;
}
