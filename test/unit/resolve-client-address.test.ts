import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "@/lib/auth/resolve-client-address";
import { parseTrustedProxies } from "@/lib/env/trusted-proxies";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, fd00::/8, ::1");

describe("resolveClientAddress", () => {
  it("trusts no X-Forwarded-For by default: the socket's peer is the client", () => {
    expect(resolveClientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(resolveClientAddress("127.0.0.1", "6.6.6.6, 127.0.0.1", none)).toBe("127.0.0.1");
  });

  it("ignores what an untrusted peer says, even when it names a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.9", "10.0.0.1", proxies)).toBe("203.0.113.9");
  });

  it("walks X-Forwarded-For from the right past trusted proxies", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // The client's own made-up entry is left of the one the proxy appended.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", proxies)).toBe("198.51.100.7");
    // Two proxies: the inner one (192.168.1.5) appended the outer one's view.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 192.168.1.5", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6, 198.51.100.7", "192.168.1.5"], proxies)).toBe("198.51.100.7");
  });

  it("takes the left-most hop when every hop is trusted, and the peer when there is no header", () => {
    expect(resolveClientAddress("10.0.0.2", "10.9.9.9, 192.168.1.5", proxies)).toBe("10.9.9.9");
    expect(resolveClientAddress("10.0.0.2", undefined, proxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", " , ", proxies)).toBe("10.0.0.2");
  });

  it("treats an IPv4-mapped IPv6 peer as its IPv4 address, for the rule and for the key", () => {
    expect(resolveClientAddress("::ffff:203.0.113.9", "1.2.3.4", proxies)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:10.0.0.2", "::ffff:198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(resolveClientAddress("::FFFF:10.1.2.3", "198.51.100.7", proxies)).toBe("198.51.100.7");
  });

  it("matches IPv6 ranges and addresses", () => {
    expect(resolveClientAddress("::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
    expect(resolveClientAddress("fd12:3456::1", "2001:db8::7, fd00::9", proxies)).toBe("2001:db8::7");
    expect(resolveClientAddress("2001:db8::1", "1.2.3.4", proxies)).toBe("2001:db8::1");
  });

  it("says unknown without a socket address", () => {
    expect(resolveClientAddress(undefined, "1.2.3.4", proxies)).toBe("unknown");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses what is not an address or a range", () => {
    for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.1/8/8", "::1/129", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad)).toThrow(/not an IP address or CIDR range/);
    }
  });

  it("matches CIDR bounds exactly", () => {
    const list = parseTrustedProxies("172.16.0.0/12");
    expect(list.has("172.31.255.255")).toBe(true);
    expect(list.has("172.32.0.0")).toBe(false);
    expect(list.has("not an address")).toBe(false);
  });
});
