import forge from "node-forge";
import { newRsaKeys, randomSerial, validity, type PemPair } from "./forge-helpers";

export const CA_COMMON_NAME = "Switchboard Entra Emulator Local CA";

/**
 * A self-signed CA that exists only on this machine. It signs the emulator's
 * server certificate; processes trust it through NODE_EXTRA_CA_CERTS, so no
 * client ever has to switch certificate checks off. The tests make others
 * under other names (the Samba domain controller's own CA).
 */
export function createCertificateAuthority(commonName = CA_COMMON_NAME): PemPair {
  const keys = newRsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  const { notBefore, notAfter } = validity(3650);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = notAfter;
  const subject = [
    { name: "commonName", value: commonName },
    { name: "organizationName", value: "Switchboard development" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true, pathLenConstraint: 0 },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}
