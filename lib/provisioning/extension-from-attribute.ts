import type { ExtensionRule, SourceAttributes } from "@/db/schema";

/** What an extension rule reads of a person: the extra attributes, and the office phone (AD's telephoneNumber, SCIM's work number). */
export type RuleInput = { attributes: SourceAttributes; officePhone: string | null };

export type RuleOutcome = { extension: string } | { problem: string };

/** An extension is 2 to 8 digits (lib/validation/fields.ts), whatever the rule. */
const extensionShape = /^[0-9]{2,8}$/;
/** `x1234`, `ext 1234`, `ext. 1234`, `extension: 1234` — as people type them after a number. */
const extensionSuffix = /(?:\bx|\bext\.?|\bextension)\s*[:.#]?\s*([0-9]+)\s*$/i;

/**
 * The extension a person's attribute gives under a rule, or why it gives
 * none, in words for the run page. Pure, so every realistic value is tested
 * without a source: `+1 425 555 0100 x1234`, an empty attribute, a name.
 */
export function extensionFromAttribute(input: RuleInput, rule: { attribute: string; rule: ExtensionRule; digits: number | null }): RuleOutcome {
  const value = firstValue(input, rule.attribute);
  if (!value) return { problem: `${rule.attribute} is empty` };
  switch (rule.rule) {
    case "whole": {
      const digits = value.replace(/[\s-]/g, "");
      return extensionShape.test(digits) ? { extension: digits } : { problem: `${rule.attribute} "${shown(value)}" is not an extension of 2 to 8 digits` };
    }
    case "after_ext": {
      const match = extensionSuffix.exec(value);
      if (!match) return { problem: `${rule.attribute} "${shown(value)}" has no "x" or "ext" followed by digits` };
      return extensionShape.test(match[1]!)
        ? { extension: match[1]! }
        : { problem: `${rule.attribute} "${shown(value)}" has an extension of more than 8 digits` };
    }
    case "last_digits": {
      const n = rule.digits ?? 4;
      // The number's own digits: an extension typed after it is not part of the number.
      const digits = value.replace(extensionSuffix, "").replace(/\D/g, "");
      return digits.length >= n ? { extension: digits.slice(-n) } : { problem: `${rule.attribute} "${shown(value)}" has fewer than ${n} digits` };
    }
  }
}

function firstValue({ attributes, officePhone }: RuleInput, attribute: string): string | null {
  // AD's telephoneNumber and SCIM's work number are the directory's office phone.
  // Own properties only: a source's attributes are data, and `__proto__` is not one of them.
  const raw =
    attribute === "telephoneNumber" || attribute === "phoneNumbers" ? officePhone : Object.hasOwn(attributes, attribute) ? attributes[attribute] : null;
  const value = Array.isArray(raw) ? raw.find((v) => typeof v === "string" && v.trim() !== "") : raw;
  return typeof value === "string" ? value.trim() || null : null;
}

/** A source value as the run page quotes it: short, one line. */
function shown(value: string): string {
  const line = value.replace(/\s+/g, " ");
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
