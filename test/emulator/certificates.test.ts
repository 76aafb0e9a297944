import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import forge from "node-forge";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCertificates } from "@/emulator";

describe("ensureCertificates", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "emulator-certs-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates a CA, a server certificate for localhost/127.0.0.1/::1 and a bundle of system CAs plus ours", async () => {
    const certificates = await ensureCertificates(dir);
    expect(certificates.created).toEqual({ ca: true, serverCert: true, bundle: true });

    const server = forge.pki.certificateFromPem(certificates.serverCertPem);
    const ca = forge.pki.certificateFromPem(await readFile(certificates.caCertPath, "utf8"));
    expect(ca.verify(server)).toBe(true);
    const altNames = (server.getExtension("subjectAltName") as { altNames: { value?: string; ip?: string }[] }).altNames;
    expect(altNames.map((name) => name.ip ?? name.value)).toEqual(["localhost", "127.0.0.1", "::1"]);

    const bundle = await readFile(certificates.caBundlePath, "utf8");
    expect(bundle).toContain(certificates.caCertPem.trim());
    expect(bundle.match(/BEGIN CERTIFICATE/g)!.length).toBe(tls.rootCertificates.length + 1);
  });

  it("reuses existing files, and all callers agree even when they race", async () => {
    const first = await ensureCertificates(dir);
    const racing = await Promise.all([ensureCertificates(dir), ensureCertificates(dir), ensureCertificates(dir)]);
    expect(first.created).toEqual({ ca: false, serverCert: false, bundle: false });
    for (const result of racing) expect(result.serverCertPem).toBe(first.serverCertPem);
  });

  it("reissues a missing or expired server certificate under the same CA", async () => {
    const before = await ensureCertificates(dir);
    const caKey = forge.pki.privateKeyFromPem(await readFile(path.join(dir, "ca-key.pem"), "utf8"));
    const expired = forge.pki.createCertificate();
    const keys = forge.pki.rsa.generateKeyPair({ bits: 1024 });
    expired.publicKey = keys.publicKey;
    expired.serialNumber = "01";
    expired.validity.notBefore = new Date(Date.now() - 3 * 86_400_000);
    expired.validity.notAfter = new Date(Date.now() - 86_400_000);
    expired.setSubject([{ name: "commonName", value: "localhost" }]);
    expired.setIssuer(forge.pki.certificateFromPem(before.caCertPem).subject.attributes);
    expired.sign(caKey, forge.md.sha256.create());
    await writeFile(before.serverCertPath, forge.pki.certificateToPem(expired));

    const renewed = await ensureCertificates(dir);
    expect(renewed.created).toEqual({ ca: false, serverCert: true, bundle: false });
    expect(renewed.caCertPem).toBe(before.caCertPem);
    expect(forge.pki.certificateFromPem(renewed.serverCertPem).validity.notAfter.getTime()).toBeGreaterThan(Date.now() + 300 * 86_400_000);

    await rm(renewed.serverCertPath);
    expect((await ensureCertificates(dir)).created.serverCert).toBe(true);
  });
});
