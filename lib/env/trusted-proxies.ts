import { BlockList, isIP } from "node:net";

export type TrustedProxies = { has(address: string): boolean };

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 or IPv6) of
 * the reverse proxies in front of the portal, whose X-Forwarded-For is
 * believed. Empty (the default) trusts no one. Throws on an entry that is not
 * an address or range, so a typo stops the start instead of trusting nothing.
 */
export function parseTrustedProxies(text: string): TrustedProxies {
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits, ...rest] = entry.split("/");
    const family = isIP(address ?? "");
    const prefix = Number(bits);
    if (family === 0 || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && prefix <= (family === 4 ? 32 : 128)))) {
      throw new Error(`“${entry}” is not an IP address or CIDR range`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address!, type);
    else list.addSubnet(address!, prefix, type);
  }
  return {
    has(address) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
