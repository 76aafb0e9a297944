import https from "node:https";
import type { AddressInfo } from "node:net";
import { pageKey } from "./capture-pages";

export interface BareServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * The baseline: a Node HTTPS server (same certificate, same TLS) that does
 * nothing but write pre-rendered bytes, looked up by $skiptoken.
 */
export async function startBareServer(certPem: string, keyPem: string, pagesByUrl: (origin: string) => Map<string, Buffer>): Promise<BareServer> {
  let pages = new Map<string, Buffer>();
  const server = https.createServer({ cert: certPem, key: keyPem }, (req, res) => {
    const body = pages.get(pageKey(req.url ?? "/"));
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  pages = pagesByUrl(origin);
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
