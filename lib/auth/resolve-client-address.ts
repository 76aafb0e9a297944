import { isIP } from "node:net";
import type { TrustedProxies } from "@/lib/env/trusted-proxies";

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) is `192.0.2.1`: one client, one key. */
function normalize(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/**
 * Who a request came from, for the per-address sign-in limit. The socket's
 * peer is the client, unless that peer is one of our trusted proxies: then
 * X-Forwarded-For is read from the right (each proxy appends the address it
 * saw), past every trusted proxy, and the first address that is not one is the
 * client. Entries left of it were written by someone we do not run, so a client
 * that sends its own X-Forwarded-For changes nothing. If every hop is trusted,
 * the left-most one is the client.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string {
  if (!peer) return "unknown";
  let client = normalize(peer);
  if (!trusted.has(client)) return client;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map(normalize).filter(Boolean);
  for (const hop of hops.reverse()) {
    // What a trusted proxy wrote that is not an address still names no one else; it is cut to size for the key.
    client = isIP(hop) ? hop : hop.slice(0, 100);
    if (!trusted.has(client)) return client;
  }
  return client;
}
