import net from "node:net";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { testLdapConnection } from "@/lib/ldap/test-ldap-connection";
import { startCuttableProxy } from "@/test/support/samba/cuttable-proxy";
import { sambaConfig } from "@/test/support/samba/samba-config";
import { tagged, useSambaDirectory } from "@/test/support/samba/samba-directory";

const directory = useSambaDirectory();

describe("testLdapConnection", () => {
  let ou: string;

  beforeAll(async () => {
    ou = await directory().createOu();
    await directory().addUsers(ou, [{ sAMAccountName: tagged("conn-a") }, { sAMAccountName: tagged("conn-b") }]);
  });

  it("connects over LDAPS trusting the pasted CA, binds, finds the base DN and the users", async () => {
    expect(await testLdapConnection(sambaConfig({ baseDn: ou }))).toEqual({
      ok: true,
      usersInFirstPage: 2,
      sampleUser: expect.stringMatching(new RegExp(`^conn-[ab]${tagged("")}$`)),
    });
  });

  it("binds with the service account's name as UPN, DOMAIN\\user or DN", async () => {
    for (const bindName of ["Administrator@contoso.test", "CONTOSO\\Administrator", `CN=Administrator,CN=Users,${inject("samba").baseDn}`]) {
      expect(await testLdapConnection(sambaConfig({ baseDn: ou, bindName }))).toMatchObject({ ok: true, usersInFirstPage: 2 });
    }
  });

  it("says the service account's password is wrong (AD 52e)", async () => {
    expect(await testLdapConnection(sambaConfig({ baseDn: ou, bindPassword: "not-the-password" }))).toEqual({
      ok: false,
      problem: { code: "wrong_password", message: expect.any(String), retryable: false },
    });
  });

  it("says when the base DN does not exist", async () => {
    const result = await testLdapConnection(sambaConfig({ baseDn: `OU=does-not-exist,${inject("samba").baseDn}` }));
    expect(result).toMatchObject({ ok: false, problem: { code: "base_dn_not_found", retryable: false } });
  });

  it("refuses a certificate from a CA it was not given, with a clear message", async () => {
    for (const caCertificate of [null, inject("samba").unrelatedCaPem]) {
      const result = await testLdapConnection(sambaConfig({ baseDn: ou, caCertificate }));
      expect(result).toMatchObject({ ok: false, problem: { code: "untrusted_certificate", retryable: false } });
      expect(!result.ok && result.problem.message).toMatch(/Paste the certificate/);
    }
  });

  it("reaches the server by name: connects to the address it checked, and checks the certificate against the name", async () => {
    // OUTBOUND_ALLOW=loopback in the tests; the certificate lists localhost and 127.0.0.1.
    const { port } = new URL(inject("samba").ldapsUrl);
    const result = await testLdapConnection(sambaConfig({ baseDn: ou, url: `ldaps://localhost:${port}` }));
    expect(result).toMatchObject({ ok: true });
  });

  it("refuses a certificate issued for another host name", async () => {
    // The same server reached as 127.0.0.2, a name its certificate does not list.
    const proxy = await startCuttableProxy({ host: "127.0.0.1", port: Number(new URL(inject("samba").ldapsUrl).port) }, "127.0.0.2");
    try {
      const result = await testLdapConnection(sambaConfig({ baseDn: ou, url: `ldaps://${proxy.host}:${proxy.port}` }));
      expect(result).toMatchObject({ ok: false, problem: { code: "certificate_name_mismatch", retryable: false } });
    } finally {
      await proxy.close();
    }
  });

  it("refuses ldap:// without StartTLS before connecting at all", async () => {
    let connections = 0;
    const listener = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = listener.address() as net.AddressInfo;
      const result = await testLdapConnection(sambaConfig({ url: `ldap://127.0.0.1:${port}`, startTls: false }));
      expect(result).toMatchObject({ ok: false, problem: { code: "plain_ldap_refused", retryable: false } });
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  it("works over ldap:// with StartTLS, certificate checked", async () => {
    const url = inject("samba").ldapUrl;
    expect(await testLdapConnection(sambaConfig({ baseDn: ou, url, startTls: true }))).toMatchObject({ ok: true, usersInFirstPage: 2 });
    expect(await testLdapConnection(sambaConfig({ baseDn: ou, url, startTls: true, caCertificate: null }))).toMatchObject({
      ok: false,
      problem: { code: "untrusted_certificate" },
    });
  });

  it("calls a closed port unreachable (retryable), and refuses a non-LDAP address", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    expect(await testLdapConnection(sambaConfig({ url: `ldaps://127.0.0.1:${closedPort}` }))).toMatchObject({
      ok: false,
      problem: { code: "unreachable", retryable: true },
    });
    expect(await testLdapConnection(sambaConfig({ url: "https://127.0.0.1" }))).toMatchObject({ ok: false, problem: { code: "invalid_url" } });
  });

  it("points at the port when LDAPS is sent to the plain LDAP port (Samba just hangs up)", async () => {
    const result = await testLdapConnection(sambaConfig({ baseDn: ou, url: "ldaps://127.0.0.1:389" }));
    expect(result).toMatchObject({ ok: false, problem: { code: "connection_lost", message: expect.stringMatching(/LDAPS \(636\)/) } });
  });
});
