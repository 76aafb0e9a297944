import { oneLine, plainTest } from "./plain-text";

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const plainXml = plainTest(`&<>"'`, { lineBreaks: false });

/**
 * A value as XML character data or an attribute value: the five special
 * characters as entities (so `]]>` and quotes never end anything), on one
 * line, without the characters XML 1.0 forbids. Entities rather than CDATA:
 * the phones' small parsers all read them.
 */
export function xmlText(value: string): string {
  if (plainXml.test(value)) return value;
  return oneLine(value).replace(/[&<>"']/g, (c) => entities[c]!);
}

/** `<name>value</name>`, or nothing for a missing value. */
export function xmlElement(name: string, value: string | null): string {
  return value === null || value === "" ? "" : `<${name}>${xmlText(value)}</${name}>`;
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
