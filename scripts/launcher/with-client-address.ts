import type { IncomingMessage, RequestListener } from "node:http";
import { clientAddressHeader } from "../../lib/auth/client-address";
import { resolveClientAddress } from "../../lib/auth/resolve-client-address";
import type { TrustedProxies } from "../../lib/env/trusted-proxies";

/**
 * Stamps every request with the client's address, worked out from the socket
 * (which a client cannot choose) and TRUSTED_PROXIES, in our own header,
 * overwriting any value a client sent under that name. Route handlers and
 * next-auth's authorize() see headers only, never the socket: this is how
 * they learn who is asking.
 */
export function withClientAddress(handler: RequestListener, trusted: TrustedProxies): RequestListener {
  return (req: IncomingMessage, res) => {
    req.headers[clientAddressHeader] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
    return handler(req, res);
  };
}
