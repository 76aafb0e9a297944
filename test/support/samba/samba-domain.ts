import { execFile, spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import tls from "node:tls";
import { promisify } from "node:util";
import { setTimeout as sleep } from "node:timers/promises";
import type { SambaCertificates } from "./samba-certificates";

/** The test domain of the tested recipe in the design notes (ldap-ad.md). Loopback only; these secrets protect nothing. */
export const SAMBA_DOMAIN = {
  realm: "CONTOSO.TEST",
  netbiosDomain: "CONTOSO",
  baseDn: "DC=contoso,DC=test",
  adminBindName: "Administrator@contoso.test",
  adminPassword: "Passw0rd!Passw0rd",
  host: "127.0.0.1",
  ldapPort: 389,
  ldapsPort: 636,
} as const;

const run = promisify(execFile);

/**
 * Provisions the domain into `domainDir` unless a finished provision for this
 * very directory is there already (smb.conf holds absolute paths, so a copy
 * moved elsewhere is provisioned afresh). A marker file written last tells a
 * finished provision from one that was interrupted. Returns smb.conf's path.
 */
export async function ensureProvisioned(domainDir: string, certificates: SambaCertificates): Promise<string> {
  const confPath = path.join(domainDir, "etc", "smb.conf");
  const marker = path.join(domainDir, ".provisioned");
  const conf = await readFile(confPath, "utf8").catch(() => "");
  if (existsSync(marker) && conf.includes(`private dir = ${path.join(domainDir, "private")}\n`)) return confPath;

  assertRoot("provision");
  await rm(domainDir, { recursive: true, force: true });
  const options = {
    interfaces: "lo",
    "bind interfaces only": "yes",
    // Only LDAP: no file shares, no Kerberos, no DNS (winbindd is not even installed).
    "server services": "ldap, cldap",
    // As Samba's own test suite does: no fsync per write, so thousands of adds take seconds.
    "ldb:nosync": "true",
    // Keep every file of this domain inside its directory, away from a system Samba's.
    "pid directory": path.join(domainDir, "run"),
    "log file": path.join(domainDir, "log.%m"),
    "tls enabled": "yes",
    "tls keyfile": certificates.keyPath,
    "tls certfile": certificates.certPath,
    "tls cafile": certificates.caPath,
  };
  const args = [
    "domain",
    "provision",
    `--realm=${SAMBA_DOMAIN.realm}`,
    `--domain=${SAMBA_DOMAIN.netbiosDomain}`,
    "--server-role=dc",
    "--dns-backend=NONE",
    "--use-rfc2307",
    `--adminpass=${SAMBA_DOMAIN.adminPassword}`,
    `--targetdir=${domainDir}`,
    ...Object.entries(options).map(([name, value]) => `--option=${name}=${value}`),
  ];
  try {
    await run("samba-tool", args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`Provisioning the Samba test domain failed${notInstalled(error)}: ${(error as { stderr?: string }).stderr?.slice(-2000) ?? error}`);
  }
  await writeFile(marker, new Date().toISOString());
  return confPath;
}

/**
 * Starts `samba` detached, logging to `logPath`, and waits until LDAPS answers
 * with our certificate. Detached, stdin /dev/null: with -i Samba stops when
 * a piped stdin closes (it ignores /dev/null), and a domain controller that
 * another test run is still using must not die with the run that started it.
 */
export async function startSamba(confPath: string, logPath: string, caPem: string): Promise<number> {
  assertRoot("run");
  const log = openSync(logPath, "w");
  const child = spawn("samba", ["-i", "-M", "single", "-s", confPath], { detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  let exited: string | undefined;
  child.once("exit", (code, signal) => (exited = `exited (${signal ?? code})`));
  child.once("error", (error) => (exited = `could not start${notInstalled(error)}`));
  child.unref();
  const deadline = Date.now() + 30_000;
  while (!(await ldapsAnswers(caPem))) {
    if (exited || Date.now() > deadline) {
      if (!exited) process.kill(child.pid!, "SIGTERM");
      const tail = (await readFile(logPath, "utf8").catch(() => "")).slice(-2000);
      throw new Error(`Samba ${exited ?? "did not open LDAPS within 30 s"}; its log (${logPath}) ends:\n${tail}`);
    }
    await sleep(100);
  }
  return child.pid!;
}

/** Asks Samba to stop and waits (up to 10 s) for the process to be gone. */
export async function stopSamba(pid: number): Promise<void> {
  if (!isSamba(pid)) return;
  process.kill(pid, "SIGTERM");
  for (let waited = 0; waited < 10_000 && isSamba(pid); waited += 100) await sleep(100);
  if (isSamba(pid)) process.kill(pid, "SIGKILL");
}

/** True when `pid` is a live samba process (and not some process that reused the number). */
export function isSamba(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "samba";
  } catch {
    return false;
  }
}

export function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: SAMBA_DOMAIN.host, port, timeout: 2_000 });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
    socket.once("timeout", () => finish(false));
  });
}

/** A TLS handshake on 636 that trusts only our CA: proves the server there is ours and ready. */
export function ldapsAnswers(caPem: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ host: SAMBA_DOMAIN.host, port: SAMBA_DOMAIN.ldapsPort, ca: [caPem], timeout: 2_000 });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once("secureConnect", () => finish(true));
    socket.once("error", () => finish(false));
    socket.once("timeout", () => finish(false));
  });
}

function assertRoot(what: string): void {
  if (process.getuid?.() !== 0) {
    throw new Error(
      `The Samba test domain controller needs root to ${what} (it binds ports 389 and 636 and owns its databases). ` +
        `Run the integration tests as root, or start it once as root and leave it running.`,
    );
  }
}

function notInstalled(error: unknown): string {
  return (error as NodeJS.ErrnoException).code === "ENOENT" ? " (Samba is not installed: apt-get install samba ldap-utils)" : "";
}
