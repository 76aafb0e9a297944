import type { AddressInfo } from "node:net";
import { createServer, type Server, type TLSSocket } from "node:tls";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCertificateAuthority } from "@/emulator/certs/create-certificate-authority";
import { newRsaKeys, randomSerial, validity } from "@/emulator/certs/forge-helpers";
import { explainLdapError } from "@/lib/ldap/explain-ldap-error";
import { closeQuietly, openLdapClient } from "@/lib/ldap/open-ldap-client";

/**
 * The client connects to the address it checked, not to the name again; the
 * certificate must still be checked against the name. A TLS server whose
 * certificate lists the name "localhost" and no IP address tells the two
 * apart: reached by name it must pass the check, reached by IP it must not.
 * (OUTBOUND_ALLOW=loopback in the integration tests.)
 */
const ca = createCertificateAuthority("Switchboard test name-only CA");
let server: Server;
let port: number;
const seen: { servername: string | false | null; remoteAddress?: string }[] = [];

beforeAll(async () => {
  const keys = newRsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  Object.assign(cert.validity, validity(1));
  cert.setSubject([{ name: "commonName", value: "localhost" }]);
  cert.setIssuer(forge.pki.certificateFromPem(ca.certPem).subject.attributes);
  cert.setExtensions([{ name: "subjectAltName", altNames: [{ type: 2, value: "localhost" }] }]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  server = createServer({ cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) }, (socket: TLSSocket) => {
    seen.push({ servername: socket.servername, remoteAddress: socket.remoteAddress });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function bindOutcome(url: string) {
  const client = await openLdapClient({ url, startTls: false, caCertificate: ca.certPem });
  try {
    await client.bind("CN=nobody", "irrelevant");
    return "bound";
  } catch (error) {
    return explainLdapError(error).code;
  } finally {
    await closeQuietly(client);
  }
}

describe("the LDAP client's connection", () => {
  it("reached by name: connects to the checked address, sends the name (SNI) and checks the certificate against it", async () => {
    seen.length = 0;
    // The server hangs up after the handshake: the connection is lost, not refused for its certificate.
    expect(await bindOutcome(`ldaps://localhost:${port}`)).toBe("connection_lost");
    expect(seen).toEqual([{ servername: "localhost", remoteAddress: "127.0.0.1" }]);
  });

  it("reached by an IP address the certificate does not list: refused for the certificate's name", async () => {
    expect(await bindOutcome(`ldaps://127.0.0.1:${port}`)).toBe("certificate_name_mismatch");
  });
});
