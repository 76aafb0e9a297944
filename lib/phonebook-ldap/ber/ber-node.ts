import { fromBER, type BaseBlock } from "asn1js";

/** One BER element, as much of it as LDAP needs: class, tag, and either its children or its content bytes. */
export type BerNode = {
  tagClass: "universal" | "application" | "context" | "private";
  tag: number;
  children: BerNode[] | null;
  bytes: Uint8Array;
};

/** The message could not be read as LDAP's BER: the connection is closed, as RFC 4511 §4.1.1 asks. */
export class MalformedMessage extends Error {}

const classes = ["universal", "application", "context", "private"] as const;

// An LDAP request has at most a dozen levels besides its filter; a filter deeper than this is an attack, not a phone.
export const maxDepth = 40;
// Elements in one request: a phone's filter has a few dozen.
const maxNodes = 2000;

/**
 * Decodes one whole LDAPMessage (already framed, at most the server's
 * message size) with asn1js, whose resource limits are made for untrusted
 * input: nesting depth, element count and content length are bounded before
 * anything is built. Then holds it to RFC 4511 §5.1's restrictions on BER —
 * definite lengths only, strings primitive — and to exactly one element
 * filling the frame.
 */
export function decodeBer(frame: Uint8Array): BerNode {
  const { offset, result } = fromBER(frame, { maxDepth, maxNodes, maxContentLength: frame.length, parseEmbedded: false, copyInput: false });
  if (offset !== frame.length || result.error) throw new MalformedMessage("not one BER element");
  return toNode(result);
}

function toNode(block: BaseBlock): BerNode {
  if (block.lenBlock.isIndefiniteForm) throw new MalformedMessage("indefinite length");
  const { tagClass, tagNumber, isConstructed } = block.idBlock;
  const cls = classes[tagClass - 1];
  if (!cls || tagNumber < 0) throw new MalformedMessage("unknown tag class");
  if (!isConstructed) {
    const view = (block.valueBlock as unknown as { valueHexView?: Uint8Array }).valueHexView;
    return { tagClass: cls, tag: tagNumber, children: null, bytes: view ?? new Uint8Array(0) };
  }
  const value = (block.valueBlock as unknown as { value?: BaseBlock[] }).value;
  // A constructed OCTET STRING (BER allows it; LDAP does not) is refused here too: its tag is universal 4.
  if (!Array.isArray(value) || (cls === "universal" && tagNumber !== 16 && tagNumber !== 17)) throw new MalformedMessage("constructed primitive");
  return { tagClass: cls, tag: tagNumber, children: value.map(toNode), bytes: new Uint8Array(0) };
}
