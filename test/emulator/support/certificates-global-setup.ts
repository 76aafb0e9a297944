import { ensureCertificates } from "@/emulator/certs/ensure-certificates";

/**
 * Runs in vitest's main process before any test worker is forked. Node reads
 * NODE_EXTRA_CA_CERTS only when a process starts, so setting it here, where the
 * workers inherit it, is the one place that makes msal-node, the Graph client
 * and openid-client trust the emulator's local CA with no test-only switches.
 */
export default async function setup() {
  const certificates = await ensureCertificates();
  process.env.NODE_EXTRA_CA_CERTS = certificates.caBundlePath;
}
