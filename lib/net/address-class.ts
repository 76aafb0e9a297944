import { parseIpAddress, type IpAddress } from "./ip-address";

/** What an IP address is, as far as the portal's outbound connections care. */
export type AddressClass = "public" | "private" | "loopback" | "link_local" | "metadata" | "unspecified" | "multicast" | "broadcast" | "reserved";

/**
 * Most specific first: the cloud metadata services live inside link-local,
 * CGNAT, ULA and IETF ranges and must be refused even where those are allowed.
 */
const ranges: [string, number, AddressClass][] = [
  // Cloud metadata: AWS/GCP/Azure/OpenStack, AWS ECS tasks, Alibaba, Oracle, Azure's WireServer, AWS over IPv6.
  ["169.254.169.254", 32, "metadata"],
  ["169.254.170.2", 32, "metadata"],
  ["100.100.100.200", 32, "metadata"],
  ["192.0.0.192", 32, "metadata"],
  ["168.63.129.16", 32, "metadata"],
  ["fd00:ec2::254", 128, "metadata"],
  ["255.255.255.255", 32, "broadcast"],
  ["0.0.0.0", 8, "unspecified"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "private"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link_local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "reserved"],
  ["192.0.2.0", 24, "reserved"],
  ["192.88.99.0", 24, "reserved"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "reserved"],
  ["198.51.100.0", 24, "reserved"],
  ["203.0.113.0", 24, "reserved"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"],
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  // The rest of ::/8 (its IPv4-mapped and -compatible parts are read as IPv4 first).
  ["::", 8, "reserved"],
  ["64:ff9b:1::", 48, "reserved"],
  ["100::", 64, "reserved"],
  ["2001::", 23, "reserved"],
  ["2001:db8::", 32, "reserved"],
  ["3fff::", 20, "reserved"],
  ["fc00::", 7, "private"],
  ["fe80::", 10, "link_local"],
  ["fec0::", 10, "private"],
  ["ff00::", 8, "multicast"],
];

const parsedRanges = ranges.map(([address, bits, kind]) => ({ range: parseIpAddress(address)!, bits, kind }));

/**
 * IPv6 forms that carry an IPv4 address a connection ends up at: IPv4-mapped
 * (::ffff:a.b.c.d, which a dual-stack socket connects to as IPv4), the old
 * IPv4-compatible ::a.b.c.d, NAT64 (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedIpv4(bytes: Uint8Array): IpAddress | null {
  const zeros = (from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
  const v4 = (at: number): IpAddress => ({ family: 4, bytes: bytes.slice(at, at + 4) });
  if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return v4(12);
  if (zeros(0, 12) && !zeros(12, 14)) return v4(12);
  if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return v4(12);
  if (bytes[0] === 0x20 && bytes[1] === 0x02) return v4(2);
  return null;
}

function inRange(address: IpAddress, range: IpAddress, bits: number): boolean {
  if (address.family !== range.family) return false;
  for (let i = 0; i < bits; i += 8) {
    const mask = bits - i >= 8 ? 0xff : (0xff << (8 - (bits - i))) & 0xff;
    if ((address.bytes[i / 8]! & mask) !== (range.bytes[i / 8]! & mask)) return false;
  }
  return true;
}

export function classifyAddress(address: IpAddress): AddressClass {
  if (address.family === 6) {
    const inner = embeddedIpv4(address.bytes);
    if (inner) return classifyAddress(inner);
  }
  return parsedRanges.find(({ range, bits }) => inRange(address, range, bits))?.kind ?? "public";
}
