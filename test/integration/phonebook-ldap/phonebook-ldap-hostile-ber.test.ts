import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ldapsearch, startTestLdapServer, type LdapTestServer } from "./phonebook-ldap-fixture";
import { addEntries, phonebookCompany, type PhonebookCompany } from "./phonebook-ldap-data";

/** BER length octets for n. */
const length = (n: number) => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const tlv = (tag: number, content: number[]) => [tag, ...length(content.length), ...content];

/** A search request whose filter is `depth` NOTs around a presence filter: valid BER, absurdly deep. */
function deepSearch(depth: number): Buffer {
  let filter = tlv(0x87, [...Buffer.from("cn")]);
  for (let i = 0; i < depth; i++) filter = tlv(0xa2, filter);
  const search = tlv(0x63, [...tlv(0x04, []), 0x0a, 1, 2, 0x0a, 1, 0, 0x02, 1, 0, 0x02, 1, 0, 0x01, 1, 0, ...filter, ...tlv(0x30, [])]);
  return Buffer.from(tlv(0x30, [0x02, 1, 1, ...search]));
}

/** Sends bytes on a raw connection to the StartTLS port and resolves when the server closes it. */
function sendAndWaitForClose(server: LdapTestServer, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.ldapPort, "127.0.0.1", () => socket.write(bytes));
    const received: Buffer[] = [];
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(received)));
  });
}

describe("LDAP phonebook against hostile BER", () => {
  let server: LdapTestServer;
  let company: PhonebookCompany;

  beforeAll(async () => {
    server = await startTestLdapServer();
    company = await phonebookCompany();
    await addEntries(company, [{ displayName: "Still Here" }]);
  });
  afterAll(() => server?.close());

  it.each([
    ["an inner length past its message (truncated)", Buffer.from([0x30, 0x03, 0x02, 0x05, 0x01])],
    ["a length of 2 GiB", Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff, 0x02])],
    ["an indefinite length", Buffer.from([0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00])],
    ["a length in 5 bytes", Buffer.from([0x30, 0x85, 0, 0, 0, 0, 5])],
    ["not a SEQUENCE", Buffer.from("GET / HTTP/1.1\r\n\r\n")],
    ["a filter nested 5,000 deep", deepSearch(5000)],
    ["a filter nested 60 deep", deepSearch(60)],
    ["an unknown operation", Buffer.from([0x30, 0x05, 0x02, 0x01, 0x01, 0x7f, 0x00])],
    ["a negative message ID", Buffer.from([0x30, 0x05, 0x02, 0x01, 0xff, 0x42, 0x00])],
  ])("closes the connection on %s, and keeps serving", async (_, bytes) => {
    const answer = await sendAndWaitForClose(server, bytes);
    // Nothing but, at most, a Notice of Disconnection (an ExtendedResponse to message 0).
    if (answer.length > 0) expect(answer.subarray(0, 5)).toEqual(Buffer.from([0x30, answer[1]!, 0x02, 0x01, 0x00]));
    const search = await ldapsearch(server, { how: "ldaps", bindDn: company.bindDn, password: company.password, base: company.baseDn, attributes: ["cn"] });
    expect(search.entries.map((e) => e.cn?.[0])).toEqual(["Still Here"]);
  });

  it("closes a connection that announces a message over 64 KiB before reading it", async () => {
    const header = Buffer.from([0x30, 0x83, 0x02, 0x00, 0x00]);
    const answer = await sendAndWaitForClose(server, Buffer.concat([header, Buffer.alloc(1000)]));
    expect(answer.length).toBeLessThan(100);
  });
});
