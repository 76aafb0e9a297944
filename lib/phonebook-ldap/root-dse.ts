import type { EntryAttribute } from "./protocol/write-response";

export const pagedResultsOid = "1.2.840.113556.1.4.319";
export const startTlsOid = "1.3.6.1.4.1.1466.20037";
export const noticeOfDisconnectionOid = "1.3.6.1.4.1.1466.20036";

/** The root DSE (RFC 4512 §5.1), readable before a bind as in slapd: clients ask it what the server offers. */
export const rootDseAttributes: EntryAttribute[] = [
  ["objectClass", ["top"]],
  ["namingContexts", ["dc=switchboard"]],
  ["supportedLDAPVersion", ["3"]],
  ["supportedControl", [pagedResultsOid]],
  ["supportedExtension", [startTlsOid]],
  ["supportedSASLMechanisms", []],
  ["vendorName", ["Switchboard"]],
];
