import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import forge from "node-forge";
import { createCertificateAuthority } from "@/emulator/certs/create-certificate-authority";
import { issueServerCertificate } from "@/emulator/certs/issue-server-certificate";

export type SambaCertificates = {
  caPem: string;
  /** A CA that signed nothing Samba serves: trusting it alone must fail the TLS check. */
  unrelatedCaPem: string;
  caPath: string;
  certPath: string;
  keyPath: string;
};

/**
 * Samba's self-generated certificate names the host "VM.contoso.test", which
 * never matches 127.0.0.1, and tests must not switch certificate checks off.
 * So the domain controller serves a certificate for localhost / 127.0.0.1
 * signed by a CA of its own (not the emulator's, which sits in
 * NODE_EXTRA_CA_CERTS and would make "untrusted CA" tests pass by accident).
 */
export async function ensureSambaCertificates(dir: string): Promise<SambaCertificates> {
  await mkdir(dir, { recursive: true });
  const paths = {
    caPath: path.join(dir, "ca-cert.pem"),
    caKeyPath: path.join(dir, "ca-key.pem"),
    certPath: path.join(dir, "server-cert.pem"),
    keyPath: path.join(dir, "server-key.pem"),
    unrelatedCaPath: path.join(dir, "unrelated-ca-cert.pem"),
  };
  const existing = await Promise.all([paths.caPath, paths.certPath, paths.keyPath, paths.unrelatedCaPath].map(readOptional));
  const [caPem, certPem, , unrelatedCaPem] = existing;
  if (existing.every(Boolean) && stillValid(caPem!) && stillValid(certPem!)) {
    return { caPem: caPem!, unrelatedCaPem: unrelatedCaPem!, caPath: paths.caPath, certPath: paths.certPath, keyPath: paths.keyPath };
  }
  const ca = createCertificateAuthority("Switchboard test Samba CA");
  const server = issueServerCertificate(ca);
  const unrelated = createCertificateAuthority("Switchboard unrelated test CA");
  // Samba refuses a private key readable by others.
  await writeFile(paths.caKeyPath, ca.keyPem, { mode: 0o600 });
  await writeFile(paths.keyPath, server.keyPem, { mode: 0o600 });
  await writeFile(paths.caPath, ca.certPem);
  await writeFile(paths.certPath, server.certPem);
  await writeFile(paths.unrelatedCaPath, unrelated.certPem);
  return { caPem: ca.certPem, unrelatedCaPem: unrelated.certPem, caPath: paths.caPath, certPath: paths.certPath, keyPath: paths.keyPath };
}

function stillValid(pem: string): boolean {
  try {
    return forge.pki.certificateFromPem(pem).validity.notAfter.getTime() - Date.now() > 7 * 24 * 60 * 60 * 1000;
  } catch {
    return false;
  }
}

async function readOptional(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}
