import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "ldapts";
import type postgres from "postgres";
import { createCertificateAuthority } from "../../emulator/certs/create-certificate-authority";
import { issueServerCertificate } from "../../emulator/certs/issue-server-certificate";

export type LdapBenchInput = {
  sql: postgres.Sql;
  /** A company already seeded with the entries to search (default country US), and its LDAP phonebook password. */
  company: { customerId: string; slug: string; secret: string };
  /** How long each server is measured, and by how many phones at once. */
  seconds?: number;
  clients?: number;
};

export type LdapBenchFigures = {
  entries: number;
  ours: { searchesPerSecond: number; typeAheadMs: number; callerMs: number };
  slapd: { searchesPerSecond: number; typeAheadMs: number; callerMs: number } | { unavailable: string };
};

/**
 * The LDAP phonebook's section of `npm run bench:phonebook`: searches a
 * second at the company's size, by `clients` phones at once over LDAPS, half
 * of them type-ahead (`(|(cn=*xyz*)(sn=*xyz*))`) and half incoming calls
 * (`(|(telephoneNumber=n)(mobile=n)(ipPhone=n))`), beside the same searches
 * against OpenLDAP's slapd loaded with the same entries (back-mdb, indexed on
 * cn, sn, telephoneNumber and mobile, equality and substrings), if slapd can
 * be installed and started here.
 */
export async function ldapBench(input: LdapBenchInput): Promise<LdapBenchFigures> {
  const seconds = input.seconds ?? 10;
  const clients = input.clients ?? 4;
  const ca = createCertificateAuthority("Switchboard LDAP bench CA");
  const cert = issueServerCertificate(ca);
  const rows = await input.sql<
    { id: string; cn: string; sn: string; given: string | null; office: string | null; mobile: string | null; ext: string | null; mail: string | null }[]
  >`
    select id::text, display_name as cn, coalesce(last_name, display_name) as sn, first_name as given, coalesce(office_phone_e164, office_phone) as office,
      coalesce(mobile_phone_e164, mobile_phone) as mobile, extension as ext, email as mail
    from directory_entries where customer_id = ${input.company.customerId} and status = 'active'`;
  const probes = rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / 500)) === 0);

  const { startPhonebookLdapServer } = await import("../../lib/phonebook-ldap/phonebook-ldap-server");
  const { logger } = await import("../../lib/logger");
  const ours = await startPhonebookLdapServer({
    host: "127.0.0.1",
    ldapsPort: 0,
    ldapPort: 0,
    certPem: cert.certPem,
    keyPem: cert.keyPem,
    maxConnections: 100,
    maxMessageBytes: 65_536,
    idleTimeoutMs: 60_000,
    serverSizeLimit: 500,
    requestsPerMinute: 1_000_000_000,
    credentialRecheckMs: 10_000,
    logger,
  });
  const base = `ou=people,o=${input.company.slug},dc=switchboard`;
  let oursFigures;
  try {
    oursFigures = await measure({
      url: `ldaps://127.0.0.1:${ours.ldapsPort}`,
      ca: ca.certPem,
      bindDn: `cn=phones,o=${input.company.slug},dc=switchboard`,
      password: input.company.secret,
      base,
      probes,
      seconds,
      clients,
    });
  } finally {
    await ours.close();
  }
  const slapd = await startSlapd(rows, input.company.slug, cert);
  if ("unavailable" in slapd) return { entries: rows.length, ours: oursFigures, slapd };
  try {
    const slapdFigures = await measure({ url: slapd.url, ca: ca.certPem, bindDn: slapd.bindDn, password: slapd.password, base, probes, seconds, clients });
    return { entries: rows.length, ours: oursFigures, slapd: slapdFigures };
  } finally {
    slapd.stop();
  }
}

type Probe = { cn: string; office: string | null };

async function measure(target: { url: string; ca: string; bindDn: string; password: string; base: string; probes: Probe[]; seconds: number; clients: number }) {
  const until = Date.now() + target.seconds * 1000;
  const timings = { typeAhead: [] as number[], caller: [] as number[] };
  let count = 0;
  await Promise.all(
    Array.from({ length: target.clients }, async (_, worker) => {
      const client = new Client({ url: target.url, tlsOptions: { ca: target.ca } });
      await client.bind(target.bindDn, target.password);
      for (let i = worker; Date.now() < until; i++) {
        const probe = target.probes[i % target.probes.length]!;
        const typeAhead = i % 2 === 0;
        const typed = probe.cn.slice(1, 4).replace(/[()*\\]/g, "");
        const number = probe.office ?? "+10000000000";
        const filter = typeAhead ? `(|(cn=*${typed}*)(sn=*${typed}*))` : `(|(telephoneNumber=${number})(mobile=${number})(ipPhone=${number}))`;
        const started = performance.now();
        await client
          .search(target.base, { filter, attributes: ["cn", "telephoneNumber", "mobile", "ipPhone"], sizeLimit: 20 })
          .catch((error: { code?: number }) => {
            if (error.code !== 4) throw error;
          });
        (typeAhead ? timings.typeAhead : timings.caller).push(performance.now() - started);
        count++;
      }
      await client.unbind();
    }),
  );
  return { searchesPerSecond: count / target.seconds, typeAheadMs: median(timings.typeAhead), callerMs: median(timings.caller) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type Slapd = { url: string; bindDn: string; password: string; stop: () => void };

/** slapd in a directory of its own on a free port, as nobody, loaded with slapadd; or why it could not be. */
async function startSlapd(
  rows: { id: string; cn: string; sn: string; given: string | null; office: string | null; mobile: string | null; ext: string | null; mail: string | null }[],
  slug: string,
  cert: { certPem: string; keyPem: string },
): Promise<Slapd | { unavailable: string }> {
  if (!existsSync("/usr/sbin/slapd")) {
    if (process.getuid?.() !== 0) return { unavailable: "slapd is not installed (apt-get install -y slapd, as root)" };
    // Debian's package would start a system slapd on port 389 (taken here by the Samba test harness): policy-rc.d stops that.
    const policy = "/usr/sbin/policy-rc.d";
    const ownPolicy = !existsSync(policy);
    if (ownPolicy) writeFileSync(policy, "#!/bin/sh\nexit 101\n", { mode: 0o755 });
    const installed = spawnSync("apt-get", ["install", "-y", "-qq", "slapd"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (ownPolicy) rmSync(policy, { force: true });
    if (installed.status !== 0 || !existsSync("/usr/sbin/slapd")) return { unavailable: "slapd could not be installed with apt-get" };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bench-slapd-"));
  const password = "bench-slapd-password";
  const bindDn = `cn=phones,o=${slug},dc=switchboard`;
  writeFileSync(path.join(dir, "cert.pem"), cert.certPem);
  writeFileSync(path.join(dir, "key.pem"), cert.keyPem);
  writeFileSync(
    path.join(dir, "slapd.conf"),
    [
      "include /etc/ldap/schema/core.schema",
      "include /etc/ldap/schema/cosine.schema",
      "include /etc/ldap/schema/inetorgperson.schema",
      "modulepath /usr/lib/ldap",
      "moduleload back_mdb",
      `pidfile ${dir}/slapd.pid`,
      `TLSCertificateFile ${dir}/cert.pem`,
      `TLSCertificateKeyFile ${dir}/key.pem`,
      "sizelimit 500",
      "database mdb",
      "maxsize 1073741824",
      "suffix dc=switchboard",
      `rootdn ${bindDn}`,
      `rootpw ${password}`,
      `directory ${dir}/db`,
      "index objectClass eq",
      "index cn,sn eq,sub",
      "index telephoneNumber,mobile eq",
      "",
    ].join("\n"),
  );
  const ldif: string[] = [
    `dn: dc=switchboard\nobjectClass: dcObject\nobjectClass: organization\ndc: switchboard\no: switchboard\n`,
    `dn: o=${slug},dc=switchboard\nobjectClass: organization\no: ${slug}\n`,
    `dn: ou=people,o=${slug},dc=switchboard\nobjectClass: organizationalUnit\nou: people\n`,
  ];
  const line = (name: string, value: string | null) => (value ? `${name}:: ${Buffer.from(value).toString("base64")}\n` : "");
  for (const row of rows) {
    ldif.push(
      `dn: uid=${row.id},ou=people,o=${slug},dc=switchboard\nobjectClass: inetOrgPerson\nuid: ${row.id}\n` +
        line("cn", row.cn) +
        line("sn", row.sn) +
        line("givenName", row.given) +
        line("telephoneNumber", row.office) +
        line("mobile", row.mobile) +
        line("mail", row.mail),
    );
  }
  writeFileSync(path.join(dir, "entries.ldif"), ldif.join("\n"));
  spawnSync("mkdir", ["-p", path.join(dir, "db")]);
  const loaded = spawnSync("/usr/sbin/slapadd", ["-q", "-f", path.join(dir, "slapd.conf"), "-l", path.join(dir, "entries.ldif")], { encoding: "utf8" });
  if (loaded.status !== 0) return { unavailable: `slapadd failed: ${loaded.stderr.trim().split("\n").at(-1)}` };
  const asNobody = process.getuid?.() === 0;
  if (asNobody) for (const file of ["", "db", "db/data.mdb", "db/lock.mdb", "cert.pem", "key.pem"]) chownIfThere(path.join(dir, file));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(
    "/usr/sbin/slapd",
    ["-d", "0", "-h", `ldaps://127.0.0.1:${port}/`, "-f", path.join(dir, "slapd.conf"), ...(asNobody ? ["-u", "nobody", "-g", "nogroup"] : [])],
    { stdio: "ignore" },
  );
  const url = `ldaps://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 50; attempt++) {
    await sleep(100);
    const client = new Client({ url, tlsOptions: { rejectUnauthorized: false } });
    try {
      await client.bind(bindDn, password);
      await client.unbind();
      return { url, bindDn, password, stop: () => child.kill("SIGTERM") };
    } catch {
      if (child.exitCode !== null) break;
    }
  }
  child.kill("SIGKILL");
  return { unavailable: "slapd did not start" };
}

function chownIfThere(file: string) {
  if (!existsSync(file)) return;
  const nobody = spawnSync("id", ["-u", "nobody"], { encoding: "utf8" }).stdout.trim();
  const nogroup = spawnSync("getent", ["group", "nogroup"], { encoding: "utf8" }).stdout.split(":")[2] ?? "65534";
  chownSync(file, Number(nobody), Number(nogroup));
  chmodSync(file, file.endsWith(".pem") ? 0o600 : 0o700);
}
