import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import compression from "compression";

/**
 * Compresses every answer the client accepts compressed (brotli, else gzip),
 * as it streams: pages, and route handlers' answers too — the remote
 * phonebooks are the largest the portal sends, and Next.js drops a route
 * handler's own Content-Encoding (its body might have been decoded by fetch)
 * and leaves them uncompressed. So compression is done here, once, for
 * everything, and next.config.js turns Next's own off. The `compression`
 * package (expressjs) negotiates Accept-Encoding, skips small and
 * incompressible bodies, leaves an answer that has an encoding alone, and
 * adds Vary.
 */
export function withCompression(handler: RequestListener): RequestListener {
  const compress = compression();
  return (req: IncomingMessage, res: ServerResponse) => {
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => void handler(req, res));
  };
}
