import { lookup } from "node:dns/promises";
import { env } from "@/lib/env";
import { classifyAddress, type AddressClass } from "./address-class";
import { parseIpAddress } from "./ip-address";
import type { OutboundAllowance } from "@/lib/env/outbound-allow-setting";

/**
 * The one place that decides whether the portal may connect to an address a
 * customer typed (an AD server; later webhooks). Without this, a manager's
 * "Test connection" maps the portal's own network: its answers and their
 * timing tell open internal ports apart. By default only public addresses
 * are allowed; OUTBOUND_ALLOW (outbound-allow-setting.ts) may add private
 * ranges and loopback. The refusal is the same words whatever the port or
 * the address, and is given before any packet is sent to it.
 */
export const outboundRefusalMessage =
  "This server address is not allowed: the portal does not connect to its own network (loopback, private, link-local or cloud metadata addresses). If the server is on a private network, ask the portal's operator to allow private addresses.";

export class OutboundAddressRefused extends Error {
  constructor() {
    super(outboundRefusalMessage);
    this.name = "OutboundAddressRefused";
  }
}

// Names of cloud metadata services; they resolve to a metadata address where they resolve at all.
const metadataNames = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);

function isAllowedClass(kind: AddressClass, allowance: OutboundAllowance): boolean {
  return kind === "public" || (kind === "private" && allowance.private) || (kind === "loopback" && allowance.loopback);
}

/**
 * What can be told from the host as typed, without asking DNS: an IP address
 * in any spelling, localhost and metadata names. "unknown" is a name that
 * only resolving can judge (resolveOutboundHost does, at every connection).
 */
export function checkOutboundHost(host: string, allowance: OutboundAllowance = outboundAllowance()): "allowed" | "refused" | "unknown" {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (metadataNames.has(name)) return "refused";
  if (name === "localhost" || name.endsWith(".localhost")) return isAllowedClass("loopback", allowance) ? "allowed" : "refused";
  const ip = parseIpAddress(name);
  if (!ip) return "unknown";
  return isAllowedClass(classifyAddress(ip), allowance) ? "allowed" : "refused";
}

export type ResolvedAddress = { address: string; family: 4 | 6 };
type LookupAll = (host: string) => Promise<{ address: string; family: number }[]>;

const lookupAll: LookupAll = (host) => lookup(host, { all: true, verbatim: true });

/**
 * Resolves `host` and returns the address to connect to, or throws
 * OutboundAddressRefused if any address it resolves to is not allowed (a name
 * with one public and one internal address could be either at connect time).
 * The caller connects to the returned address itself, never to the name
 * again: a second lookup could answer differently (DNS rebinding).
 */
export async function resolveOutboundHost(
  host: string,
  allowance: OutboundAllowance = outboundAllowance(),
  resolve: LookupAll = lookupAll,
): Promise<ResolvedAddress> {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  if (checkOutboundHost(bare, allowance) === "refused") throw new OutboundAddressRefused();
  const addresses = await resolve(bare);
  if (addresses.length === 0) throw Object.assign(new Error(`${bare} did not resolve`), { code: "ENOTFOUND" });
  const parsed = addresses.map(({ address }) => parseIpAddress(address));
  if (parsed.some((ip) => ip === null || !isAllowedClass(classifyAddress(ip), allowance))) throw new OutboundAddressRefused();
  return { address: addresses[0]!.address, family: parsed[0]!.family };
}

export function outboundAllowance(): OutboundAllowance {
  return env().OUTBOUND_ALLOW;
}
