import { randomBytes } from "node:crypto";
import tls from "node:tls";
import type { AddressInfo } from "node:net";
import { createEmulatorAdmin } from "./admin/create-emulator-admin";
import type { EmulatorAdmin } from "./admin/emulator-admin";
import { registerAdminDirectoryRoutes } from "./admin/admin-directory-routes";
import { registerAdminSubscriptionRoutes } from "./admin/admin-subscription-routes";
import { registerAdminTenantRoutes } from "./admin/admin-tenant-routes";
import { ensureCertificates } from "./certs/ensure-certificates";
import { registerGraphRoutes } from "./graph/graph-routes";
import { PageTokenCodec } from "./graph/page-token-codec";
import { createHttpsServer } from "./http/https-server";
import { RequestLog } from "./http/request-log";
import { Router } from "./http/router";
import { PLAIN_JSON, sendJson } from "./http/send";
import { AuthorizationCodes } from "./identity/authorization-codes";
import { registerIdentityRoutes } from "./identity/identity-routes";
import { loadSigningKey } from "./identity/signing-key";
import { applySeed } from "./seed/apply-seed";
import { DEMO_TENANT } from "./seed/demo-tenant";
import type { SeedFile } from "./seed/seed-file";
import type { EmulatorServices } from "./services";
import { EmulatorState } from "./state/emulator-state";

export interface StartEmulatorOptions {
  /** 0 (the default here) picks a free port; the CLI defaults to 8443. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. The admin API answers loopback clients only, whatever this is. */
  host?: string;
  /** "demo" (default): the Contoso tenant; "empty": nothing; or a seed file's content. */
  seed?: "demo" | "empty" | SeedFile;
  /** Certificates and the token signing key; default `.data/emulator` under the working directory. */
  dataDir?: string;
  /** Key for the admin API; random when omitted. */
  adminKey?: string;
}

export interface RunningEmulator {
  /** `https://127.0.0.1:PORT`: authority host and Graph base URL at once. */
  url: string;
  caPath: string;
  /** System CAs + the emulator's CA: give it to NODE_EXTRA_CA_CERTS of every process that calls the emulator. */
  caBundlePath: string;
  adminKey: string;
  admin: EmulatorAdmin;
  demo?: { tenantId: string; clientId: string; clientSecret: string; domain: string };
  close(): Promise<void>;
}

/** Starts the Entra ID + Graph emulator over HTTPS and resolves once it accepts connections. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const certificates = await ensureCertificates(options.dataDir);
  const state = new EmulatorState();
  // Notifications reach HTTPS receivers signed by the system's CAs or by ours (the demo portal's certificate).
  state.outbound = { ca: [...tls.rootCertificates, certificates.caCertPem] };
  const hasDemo = applySeed(state, options.seed ?? "demo");
  const services: EmulatorServices = {
    state,
    signingKey: await loadSigningKey(certificates.dataDir),
    codes: new AuthorizationCodes(),
    pageTokens: new PageTokenCodec(),
    requestLog: new RequestLog(),
    adminKey: options.adminKey ?? randomBytes(24).toString("base64url"),
  };
  const router = new Router();
  router.get("/_emulator/health", (ctx) => sendJson(ctx, 200, { status: "ok" }, PLAIN_JSON));
  registerAdminTenantRoutes(router, services);
  registerAdminDirectoryRoutes(router, services);
  registerAdminSubscriptionRoutes(router, services);
  registerGraphRoutes(router, services);
  registerIdentityRoutes(router, services);

  const host = options.host ?? "127.0.0.1";
  const origin = { port: 0, url: "" };
  const server = createHttpsServer({ certPem: certificates.serverCertPem, keyPem: certificates.serverKeyPem, router, requestLog: services.requestLog, origin });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${options.port} is in use; is another emulator running? Pick one with --port.`) : error),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  origin.port = (server.address() as AddressInfo).port;
  origin.url = `https://${urlHost(host)}:${origin.port}`;

  return {
    url: origin.url,
    caPath: certificates.caCertPath,
    caBundlePath: certificates.caBundlePath,
    adminKey: services.adminKey,
    admin: createEmulatorAdmin(origin.url, services.adminKey, { ca: certificates.caCertPem }),
    demo: hasDemo
      ? { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret, domain: DEMO_TENANT.domain }
      : undefined,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The certificate names localhost, 127.0.0.1 and ::1; wildcard binds are reached via 127.0.0.1. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "127.0.0.1") return "127.0.0.1";
  if (host === "::1") return "[::1]";
  return host;
}
