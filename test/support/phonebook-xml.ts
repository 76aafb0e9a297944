import { XMLParser, XMLValidator } from "fast-xml-parser";

/** Elements that repeat in some phonebook, always read as lists so one item and many look alike. */
const lists = new Set(["DirectoryEntry", "Telephone", "Contact", "Phone", "item", "SoftKeyItem"]);

/**
 * A phonebook's XML parsed back by a real XML parser (fast-xml-parser), every
 * value exactly as written: no trimming, no numbers, attributes as `@name`,
 * an element's text beside its attributes as `#text`. Throws on XML that is
 * not well-formed.
 */
export function parsePhonebookXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: false,
    isArray: (name) => lists.has(name),
  });
  return withoutLayout(parser.parse(xml)) as Record<string, unknown>;
}

/** The whitespace between elements (`#text` of an element that has children) is layout, not data. */
function withoutLayout(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLayout);
  if (node === null || typeof node !== "object") return node;
  const entries = Object.entries(node as Record<string, unknown>);
  const hasChildren = entries.some(([key]) => !key.startsWith("@") && key !== "#text");
  return Object.fromEntries(
    entries.filter(([key, value]) => !(hasChildren && key === "#text" && String(value).trim() === "")).map(([k, v]) => [k, withoutLayout(v)]),
  );
}

/** Every element and attribute path of a document (`Root/Entry/Name`, `Root/Entry/Telephone/@label`): its shape. */
export function xmlShape(xml: string): Set<string> {
  const paths = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) return node.forEach((item) => walk(item, path));
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "#text" || key === "?xml") continue;
      const child = path ? `${path}/${key}` : key;
      paths.add(child);
      walk(value, child);
    }
  };
  walk(parsePhonebookXml(xml), "");
  return paths;
}
