import { MalformedMessage, type BerNode } from "./ber-node";

/** Typed readers over a decoded element: each throws MalformedMessage when the element is not what LDAP puts there. */

export function childrenOf(node: BerNode | undefined, what: string): BerNode[] {
  if (!node?.children) throw new MalformedMessage(`${what}: expected a constructed element`);
  return node.children;
}

export function bytesOf(node: BerNode | undefined, what: string): Uint8Array {
  if (!node || node.children) throw new MalformedMessage(`${what}: expected a primitive element`);
  return node.bytes;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });

/** An LDAPString or octet string as text. Bytes that are not UTF-8 become U+FFFD: such a value matches nothing stored. */
export function textOf(node: BerNode | undefined, what: string): string {
  return utf8.decode(bytesOf(node, what));
}

/** An INTEGER or ENUMERATED of at most 4 bytes (RFC 4511's limits are 0..2^31-1), two's complement. */
export function integerOf(node: BerNode | undefined, what: string): number {
  const bytes = bytesOf(node, what);
  if (bytes.length < 1 || bytes.length > 4) throw new MalformedMessage(`${what}: integer of ${bytes.length} bytes`);
  let value = bytes[0]! & 0x80 ? -1 : 0;
  for (const byte of bytes) value = (value * 256 + byte) | 0;
  return value;
}

export function booleanOf(node: BerNode | undefined, what: string): boolean {
  const bytes = bytesOf(node, what);
  if (bytes.length !== 1) throw new MalformedMessage(`${what}: boolean of ${bytes.length} bytes`);
  return bytes[0] !== 0;
}

export function isTag(node: BerNode | undefined, tagClass: BerNode["tagClass"], tag: number): boolean {
  return node?.tagClass === tagClass && node.tag === tag;
}
