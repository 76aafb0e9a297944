import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { withFileLock } from "@/emulator/certs/file-lock";
import { ensureSambaCertificates } from "./samba-certificates";
import { ensureProvisioned, isSamba, ldapsAnswers, portAcceptsConnections, SAMBA_DOMAIN, startSamba, stopSamba } from "./samba-domain";

/** What the LDAP tests need to reach the test domain controller. */
export type SambaFacts = {
  ldapsUrl: string;
  ldapUrl: string;
  caPem: string;
  unrelatedCaPem: string;
  baseDn: string;
  adminBindName: string;
  adminPassword: string;
  /** For samba-tool in tests (it reads the domain's databases directly). */
  configPath: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    samba: SambaFacts;
  }
}

/**
 * One Samba AD domain controller on 127.0.0.1:389/636 for the whole run.
 *
 * Provisioned once into .data/samba/domain (about 4 s) and reused afterwards;
 * started (about 1 s) unless something already serves LDAPS with our
 * certificate, e.g. a Samba left running or another test run's. Each run holds
 * a lease file while it uses the server; the last run to leave stops a Samba
 * that a harness started (its pid is in harness-samba.pid), never one started
 * by hand. Samba is detached, so a crashed run leaves it running, and the next
 * run adopts it and stops it when done.
 */
export default async function setup(project: TestProject) {
  const dataDir = path.resolve(".data", "samba");
  const leasesDir = path.join(dataDir, "leases");
  const pidFile = path.join(dataDir, "harness-samba.pid");
  await mkdir(leasesDir, { recursive: true });
  const lease = path.join(leasesDir, String(process.pid));

  const facts = await withFileLock(path.join(dataDir, ".lock"), async () => {
    const certificates = await ensureSambaCertificates(path.join(dataDir, "tls"));
    const domainDir = path.join(dataDir, "domain");
    const configPath = path.join(domainDir, "etc", "smb.conf");
    if (await portAcceptsConnections(SAMBA_DOMAIN.ldapsPort)) {
      if (!(await ldapsAnswers(certificates.caPem))) {
        throw new Error(
          `Something on ${SAMBA_DOMAIN.host}:${SAMBA_DOMAIN.ldapsPort} is not the test domain controller (its certificate is not from .data/samba/tls). Stop it, or remove .data/samba to start afresh.`,
        );
      }
    } else {
      await ensureProvisioned(domainDir, certificates);
      const pid = await startSamba(configPath, path.join(dataDir, "samba.log"), certificates.caPem);
      await writeFile(pidFile, String(pid));
    }
    await writeFile(lease, new Date().toISOString());
    return {
      ldapsUrl: `ldaps://${SAMBA_DOMAIN.host}:${SAMBA_DOMAIN.ldapsPort}`,
      ldapUrl: `ldap://${SAMBA_DOMAIN.host}:${SAMBA_DOMAIN.ldapPort}`,
      caPem: certificates.caPem,
      unrelatedCaPem: certificates.unrelatedCaPem,
      baseDn: SAMBA_DOMAIN.baseDn,
      adminBindName: SAMBA_DOMAIN.adminBindName,
      adminPassword: SAMBA_DOMAIN.adminPassword,
      configPath,
    } satisfies SambaFacts;
  });
  project.provide("samba", facts);

  return async () => {
    await withFileLock(path.join(dataDir, ".lock"), async () => {
      await rm(lease, { force: true });
      if ((await liveLeases(leasesDir)) > 0) return;
      const pid = Number(await readFile(pidFile, "utf8").catch(() => "0"));
      if (pid > 0 && isSamba(pid)) await stopSamba(pid);
      await rm(pidFile, { force: true });
    });
  };
}

/** Leases of runs still alive; those of runs that died are removed. */
async function liveLeases(leasesDir: string): Promise<number> {
  let live = 0;
  for (const name of await readdir(leasesDir)) {
    try {
      process.kill(Number(name), 0);
      live += 1;
    } catch {
      await rm(path.join(leasesDir, name), { force: true });
    }
  }
  return live;
}
