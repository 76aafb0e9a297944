import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { z } from "zod";
import { parseTrustedProxies } from "../../lib/env/trusted-proxies";
import { commandEnv, portSetting } from "../../lib/config/parse-env";
import { env } from "../../lib/env";
import { capConnectionsPerHost } from "../../lib/net/capped-connections";
import { withClientAddress } from "./with-client-address";
import { withCompression } from "./with-compression";
import { withDecodablePath } from "./with-decodable-path";

/**
 * The web process of `npm start`: Next.js's production request handler
 * (`next start` without its own server) inside a plain Node HTTP server, so
 * the socket's address is ours to read. On SIGTERM or SIGINT it stops
 * accepting, lets open requests finish (5 s at most), and exits, freeing the port.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { PORT: port } = commandEnv(z.object({ PORT: portSetting.min(1, "must be a port number").default(3000) }));
const trusted = parseTrustedProxies(env().TRUSTED_PROXIES);
capConnectionsPerHost();
const app = next({ dev: false, dir: root, port });
await app.prepare();
const server = createServer(withCompression(withDecodablePath(withClientAddress(app.getRequestHandler(), trusted))));
await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, () => resolve()));
console.log(`web listening on port ${port}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const forced = setTimeout(() => server.closeAllConnections(), 5_000);
  forced.unref();
  server.close(() => {
    clearTimeout(forced);
    void app.close().finally(() => process.exit(0));
  });
  server.closeIdleConnections();
};
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, stop);
