import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import tls from "node:tls";
import forge from "node-forge";
import { createCertificateAuthority } from "./create-certificate-authority";
import { resolveDataDir } from "./data-dir";
import { withFileLock } from "./file-lock";
import type { PemPair } from "./forge-helpers";
import { issueServerCertificate } from "./issue-server-certificate";

export interface EmulatorCertificates {
  dataDir: string;
  caCertPath: string;
  /** System CAs followed by ours: the file to hand to NODE_EXTRA_CA_CERTS. */
  caBundlePath: string;
  serverCertPath: string;
  serverKeyPath: string;
  caCertPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** What this call had to create (nothing when every file was reusable). */
  created: { ca: boolean; serverCert: boolean; bundle: boolean };
}

/** Renew the server certificate when fewer than this many days remain. */
const RENEW_WITHIN_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Makes sure the local CA, the server certificate and the CA bundle exist under
 * `dataDir`, reusing what is already there. Safe to call from several processes
 * at once, and before any server starts: the launcher needs the bundle path to
 * start Next.js, workers and test runners with NODE_EXTRA_CA_CERTS, which Node
 * reads only at process start.
 */
export async function ensureCertificates(dataDir?: string): Promise<EmulatorCertificates> {
  const dir = resolveDataDir(dataDir);
  await mkdir(dir, { recursive: true });
  const paths = {
    caCert: path.join(dir, "ca-cert.pem"),
    caKey: path.join(dir, "ca-key.pem"),
    serverCert: path.join(dir, "server-cert.pem"),
    serverKey: path.join(dir, "server-key.pem"),
    bundle: path.join(dir, "ca-bundle.pem"),
  };
  return withFileLock(path.join(dir, ".certificates.lock"), async () => {
    const created = { ca: false, serverCert: false, bundle: false };
    let ca = await readPair(paths.caCert, paths.caKey);
    if (!ca || !isCurrent(ca.certPem, 24 * 60 * 60 * 1000)) {
      ca = createCertificateAuthority();
      await writePair(paths.caCert, paths.caKey, ca);
      created.ca = true;
    }
    let server = await readPair(paths.serverCert, paths.serverKey);
    if (created.ca || !server || !isCurrent(server.certPem, RENEW_WITHIN_MS) || !isIssuedBy(server.certPem, ca.certPem)) {
      server = issueServerCertificate(ca);
      await writePair(paths.serverCert, paths.serverKey, server);
      created.serverCert = true;
    }
    const bundle = [...tls.rootCertificates, ca.certPem.trim()].join("\n") + "\n";
    if ((await readOptional(paths.bundle)) !== bundle) {
      await writeAtomically(paths.bundle, bundle, 0o644);
      created.bundle = true;
    }
    return {
      dataDir: dir,
      caCertPath: paths.caCert,
      caBundlePath: paths.bundle,
      serverCertPath: paths.serverCert,
      serverKeyPath: paths.serverKey,
      caCertPem: ca.certPem,
      serverCertPem: server.certPem,
      serverKeyPem: server.keyPem,
      created,
    };
  });
}

function isCurrent(certPem: string, marginMs: number): boolean {
  try {
    const cert = forge.pki.certificateFromPem(certPem);
    return cert.validity.notAfter.getTime() - Date.now() > marginMs;
  } catch {
    return false;
  }
}

function isIssuedBy(certPem: string, caPem: string): boolean {
  try {
    return forge.pki.certificateFromPem(caPem).verify(forge.pki.certificateFromPem(certPem));
  } catch {
    return false;
  }
}

async function readPair(certPath: string, keyPath: string): Promise<PemPair | undefined> {
  const [certPem, keyPem] = await Promise.all([readOptional(certPath), readOptional(keyPath)]);
  return certPem && keyPem ? { certPem, keyPem } : undefined;
}

async function writePair(certPath: string, keyPath: string, pair: PemPair): Promise<void> {
  await writeAtomically(keyPath, pair.keyPem, 0o600);
  await writeAtomically(certPath, pair.certPem, 0o644);
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Readers in other processes never see a half-written file. */
async function writeAtomically(file: string, content: string, mode: number): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode });
  await rename(temporary, file);
}
