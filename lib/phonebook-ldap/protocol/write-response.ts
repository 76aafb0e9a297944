import { BerWriter } from "ldapts";
import type { ResultCodeValue } from "./result-codes";

// Tag bytes: application and context-specific classes, constructed or primitive.
const application = (tag: number) => 0x60 | tag;
const contextPrimitive = (tag: number) => 0x80 | tag;
const contextConstructed = (tag: number) => 0xa0 | tag;

export type ResponseControl = { oid: string; value: Buffer };

/**
 * Our answers in BER, written with ldapts's BerWriter: ldapts (a maintained
 * client we already use) writes the very same LDAPMessage shapes, and its
 * writer is fast; the values come from our own data, not from a client.
 */
function message(messageId: number, write: (writer: BerWriter) => void, controls: ResponseControl[] = []): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeInt(messageId);
  write(writer);
  if (controls.length > 0) {
    writer.startSequence(contextConstructed(0));
    for (const control of controls) {
      writer.startSequence();
      writer.writeString(control.oid);
      writer.writeBuffer(control.value, 0x04);
      writer.endSequence();
    }
    writer.endSequence();
  }
  writer.endSequence();
  return writer.buffer;
}

function writeResult(writer: BerWriter, code: ResultCodeValue, diagnostic: string, matchedDn: string) {
  writer.writeEnumeration(code);
  writer.writeString(matchedDn);
  writer.writeString(diagnostic);
}

/** An LDAPResult under the response tag of its operation (bind, search done, a refused write's). */
export function resultMessage(
  messageId: number,
  responseTag: number,
  code: ResultCodeValue,
  diagnostic = "",
  options: { matchedDn?: string; controls?: ResponseControl[] } = {},
): Buffer {
  return message(
    messageId,
    (writer) => {
      writer.startSequence(application(responseTag));
      writeResult(writer, code, diagnostic, options.matchedDn ?? "");
      writer.endSequence();
    },
    options.controls,
  );
}

/** An ExtendedResponse (RFC 4511 §4.12); messageId 0 with the notice OID is the Notice of Disconnection (§4.4.1). */
export function extendedMessage(messageId: number, code: ResultCodeValue, diagnostic: string, responseName?: string): Buffer {
  return message(messageId, (writer) => {
    writer.startSequence(application(24));
    writeResult(writer, code, diagnostic, "");
    if (responseName) writer.writeString(responseName, contextPrimitive(10));
    writer.endSequence();
  });
}

export type EntryAttribute = readonly [name: string, values: readonly string[]];

/** A SearchResultEntry (RFC 4511 §4.5.2): the DN and each attribute with its values (none when typesOnly). */
export function entryMessage(messageId: number, dn: string, attributes: readonly EntryAttribute[]): Buffer {
  return message(messageId, (writer) => {
    writer.startSequence(application(4));
    writer.writeString(dn);
    writer.startSequence();
    for (const [name, values] of attributes) {
      writer.startSequence();
      writer.writeString(name);
      writer.startSequence(0x31);
      for (const value of values) writer.writeString(value);
      writer.endSequence();
      writer.endSequence();
    }
    writer.endSequence();
    writer.endSequence();
  });
}

/** The Simple Paged Results control's value (RFC 2696): the server's size estimate (0: unknown) and the cookie. */
export function pagedResultsValue(cookie: Buffer): Buffer {
  const writer = new BerWriter();
  writer.startSequence();
  writer.writeInt(0);
  writer.writeBuffer(cookie, 0x04);
  writer.endSequence();
  return writer.buffer;
}
