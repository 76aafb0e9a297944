import { ensureCertificates } from "../../emulator/certs/ensure-certificates";
import { startEmulator } from "../../emulator/start-emulator";
import { createBenchTenant } from "../support/bench-tenant";
import { startBareServer } from "./bare-https-server";
import type { DriverMessage, ServerMessage } from "./bench-protocol";
import { capturePages } from "./capture-pages";

/**
 * The benchmark's server process: the emulator and the bare HTTPS server live
 * here, apart from the client, as the emulator lives apart from the portal's
 * sync worker in real use. Both servers share this process, so they run under
 * the same conditions.
 */
const userCount = Number(process.argv[2] ?? 100_000);
const send = (message: ServerMessage) => process.send!(message);

const emulator = await startEmulator({ seed: "empty" });
const { admin } = emulator;
const { tenantId, clientId, clientSecret, generateMs } = await createBenchTenant(admin, "Benchmark", userCount);

const tokenResponse = await fetch(`${emulator.url}/${tenantId}/oauth2/v2.0/token`, {
  method: "POST",
  body: new URLSearchParams({
    grant_type: "client_credentials",
    client_id: clientId,
    client_secret: clientSecret,
    scope: "https://graph.microsoft.com/.default",
  }),
});
const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
const captured = await capturePages(emulator.url, token);
const certificates = await ensureCertificates();
const bare = await startBareServer(certificates.serverCertPem, certificates.serverKeyPem, (origin) => captured.rebase(origin));

process.on("message", (message: DriverMessage) => {
  if (message.type === "memory") send({ type: "memory", heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e6) });
  if (message.type === "stop") void Promise.all([bare.close(), emulator.close()]).then(() => process.exit(0));
});
send({
  type: "ready",
  emulatorUrl: emulator.url,
  adminKey: emulator.adminKey,
  bareOrigin: bare.origin,
  tenantId,
  clientId,
  clientSecret,
  generateMs,
  pageCount: captured.pageCount,
  totalBytes: captured.totalBytes,
});
