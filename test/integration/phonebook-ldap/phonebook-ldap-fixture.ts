import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createCertificateAuthority } from "@/emulator/certs/create-certificate-authority";
import { issueServerCertificate } from "@/emulator/certs/issue-server-certificate";
import { logger } from "@/lib/logger";
import { startPhonebookLdapServer, type RunningPhonebookLdapServer } from "@/lib/phonebook-ldap/phonebook-ldap-server";

export type LdapTestServer = RunningPhonebookLdapServer & { caPath: string; caPem: string };

/** The LDAP phonebook in this process on free ports, with a certificate from a CA made for the test. */
export async function startTestLdapServer(
  limits: { serverSizeLimit?: number; requestsPerMinute?: number; idleTimeoutMs?: number; credentialRecheckMs?: number } = {},
): Promise<LdapTestServer> {
  const ca = createCertificateAuthority("Switchboard LDAP phonebook test CA");
  const server = issueServerCertificate(ca);
  const caPath = path.join(mkdtempSync(path.join(tmpdir(), "phonebook-ldap-")), "ca.pem");
  writeFileSync(caPath, ca.certPem);
  const running = await startPhonebookLdapServer({
    host: "127.0.0.1",
    ldapsPort: 0,
    ldapPort: 0,
    certPem: server.certPem,
    keyPem: server.keyPem,
    maxConnections: 50,
    maxMessageBytes: 65_536,
    idleTimeoutMs: limits.idleTimeoutMs ?? 30_000,
    serverSizeLimit: limits.serverSizeLimit ?? 500,
    requestsPerMinute: limits.requestsPerMinute ?? 10_000,
    // Proven again before every search unless a test says otherwise, so a revocation shows at once.
    credentialRecheckMs: limits.credentialRecheckMs ?? 0,
    logger: logger.child({ test: "phonebook-ldap" }),
  });
  return { ...running, caPath, caPem: ca.certPem };
}

export type LdapSearchResult = { code: number; entries: Record<string, string[]>[]; stderr: string };

/**
 * OpenLDAP's own ldapsearch (Debian's ldap-utils; `npm test` installs it), bound
 * with a DN and password, trusting the test CA. `how` is LDAPS or StartTLS (-ZZ).
 */
export function ldapsearch(
  server: LdapTestServer,
  options: {
    how: "ldaps" | "starttls";
    bindDn?: string;
    password?: string;
    base: string;
    filter?: string;
    attributes?: string[];
    extra?: string[];
    scope?: string;
  },
): Promise<LdapSearchResult> {
  const url = options.how === "ldaps" ? `ldaps://127.0.0.1:${server.ldapsPort}` : `ldap://127.0.0.1:${server.ldapPort}`;
  const args = [
    "-LLL",
    "-o",
    "ldif-wrap=no",
    "-x",
    "-H",
    url,
    ...(options.how === "starttls" ? ["-ZZ"] : []),
    ...(options.bindDn !== undefined ? ["-D", options.bindDn, "-w", options.password ?? ""] : []),
    "-b",
    options.base,
    "-s",
    options.scope ?? "sub",
    ...(options.extra ?? []),
    options.filter ?? "(objectClass=*)",
    ...(options.attributes ?? []),
  ];
  return new Promise((resolve) => {
    execFile(
      "/usr/bin/ldapsearch",
      args,
      { env: { ...process.env, LDAPTLS_CACERT: server.caPath, LDAPTLS_REQCERT: "demand" }, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, entries: parseLdif(stdout), stderr });
      },
    );
  });
}

/** -LLL output: each entry starts at its `dn:` line (pages may follow each other without a blank line); names lowercased. */
function parseLdif(text: string): Record<string, string[]>[] {
  const entries: Record<string, string[]>[] = [];
  for (const line of text.split("\n")) {
    const match = /^([^:#\s][^:]*)(::?) ?(.*)$/.exec(line);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    if (name === "dn") entries.push({});
    const entry = entries.at(-1);
    if (!entry) continue;
    const value = match[2] === "::" ? Buffer.from(match[3]!, "base64").toString("utf8") : match[3]!;
    (entry[name] ??= []).push(value);
  }
  return entries;
}
