/**
 * Set by the portal's web server (scripts/launcher/web-server.ts) on every
 * request from the connection's own address and TRUSTED_PROXIES, overwriting
 * whatever a client sent under this name.
 */
export const clientAddressHeader = "x-switchboard-client-address";

/**
 * The address a request came from, for the per-address sign-in limit, as the
 * web server worked it out (see resolveClientAddress). Without that server
 * (`next dev`) there is no socket to ask, so every client is "unknown" and
 * shares one count: a development server is not a place to be attacked.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get(clientAddressHeader) : headers[clientAddressHeader];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value || "unknown";
}
