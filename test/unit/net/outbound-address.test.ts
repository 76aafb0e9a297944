import { describe, expect, it } from "vitest";
import { classifyAddress } from "@/lib/net/address-class";
import { parseIpAddress } from "@/lib/net/ip-address";
import { outboundAllowSetting, type OutboundAllowance } from "@/lib/env/outbound-allow-setting";
import { checkOutboundHost, OutboundAddressRefused, outboundRefusalMessage, resolveOutboundHost } from "@/lib/net/outbound-address";

const strict: OutboundAllowance = { private: false, loopback: false };
const privateToo: OutboundAllowance = { private: true, loopback: false };
const loopbackToo: OutboundAllowance = { private: false, loopback: true };
const both: OutboundAllowance = { private: true, loopback: true };

const classOf = (address: string) => classifyAddress(parseIpAddress(address)!);

describe("what an address is", () => {
  it.each([
    // Loopback, in every spelling getaddrinfo accepts.
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["0x7f.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["127.1", "loopback"],
    ["0x7F.0.0.01", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["2002:7f00:1::", "loopback"],
    // Unspecified ("this host": connect() to it reaches loopback on Linux).
    ["0.0.0.0", "unspecified"],
    ["0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:0.0.0.0", "unspecified"],
    // Link-local and cloud metadata.
    ["169.254.1.1", "link_local"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["febf::1", "link_local"],
    ["169.254.169.254", "metadata"],
    ["2852039166", "metadata"],
    ["0xa9fea9fe", "metadata"],
    ["0251.0376.0251.0376", "metadata"],
    ["::ffff:169.254.169.254", "metadata"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["169.254.170.2", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["192.0.0.192", "metadata"],
    ["168.63.129.16", "metadata"],
    // Private ranges.
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["167772161", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["192.168.0.0", "private"],
    ["100.64.0.1", "private"],
    ["100.127.255.255", "private"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:192.168.0.1", "private"],
    ["fec0::1", "private"],
    // Multicast, broadcast, reserved.
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["ff02::1", "multicast"],
    ["::ffff:224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
    ["198.51.100.1", "reserved"],
    ["203.0.113.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["192.88.99.1", "reserved"],
    ["2001:db8::1", "reserved"],
    ["2001::1", "reserved"],
    ["100::1", "reserved"],
    ["::ffff:0:127.0.0.1", "reserved"],
    ["::1:0:0:1", "reserved"],
    ["64:ff9b:1::1", "reserved"],
    // Public, including the edges of the ranges above.
    ["8.8.8.8", "public"],
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["169.253.255.255", "public"],
    ["126.255.255.255", "public"],
    ["128.0.0.0", "public"],
    ["11.0.0.0", "public"],
    ["2606:4700:4700::1111", "public"],
    ["::ffff:8.8.8.8", "public"],
    ["2002:808:808::", "public"],
  ])("%s is %s", (address, kind) => {
    expect(classOf(address)).toBe(kind);
  });

  it.each(["dc1.contoso.com", "localhost", "1.2.3.4.5", "256.0.0.1", "0x100.1", "1.2.3.0x1000000", "08.0.0.1", "1..2", "", ":::1", "12345::6789::1"])(
    "%j is not an IP address",
    (text) => {
      expect(parseIpAddress(text)).toBeNull();
    },
  );
});

describe("the OUTBOUND_ALLOW setting", () => {
  it.each([
    [undefined, strict],
    ["none", strict],
    ["", strict],
    ["private", privateToo],
    ["loopback", loopbackToo],
    ["private,loopback", both],
    [" Loopback , PRIVATE ", both],
  ])("%j allows %j", (raw, allowance) => {
    expect(outboundAllowSetting.parse(raw)).toEqual(allowance);
  });

  it.each(["all", "public", "private,metadata", "none,private", "link_local"])("refuses %j, naming what it takes", (raw) => {
    const result = outboundAllowSetting.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('"none" or a comma-separated list of private, loopback');
  });
});

describe("whether a host as typed may be reached", () => {
  it.each([
    ["127.0.0.1", strict, "refused"],
    ["127.0.0.1", privateToo, "refused"],
    ["127.0.0.1", loopbackToo, "allowed"],
    ["2130706433", strict, "refused"],
    ["0x7f.1", strict, "refused"],
    ["[::1]", strict, "refused"],
    ["[::ffff:7f00:1]", loopbackToo, "allowed"],
    ["localhost", strict, "refused"],
    ["LOCALHOST.", strict, "refused"],
    ["dc.localhost", strict, "refused"],
    ["localhost", loopbackToo, "allowed"],
    ["10.1.2.3", strict, "refused"],
    ["10.1.2.3", privateToo, "allowed"],
    ["10.1.2.3", loopbackToo, "refused"],
    ["[fd12::1]", privateToo, "allowed"],
    ["100.64.0.1", privateToo, "allowed"],
    // Never, whatever the setting.
    ["169.254.169.254", both, "refused"],
    ["[fd00:ec2::254]", both, "refused"],
    ["100.100.100.200", both, "refused"],
    ["metadata.google.internal", both, "refused"],
    ["Metadata.Google.Internal.", both, "refused"],
    ["169.254.1.1", both, "refused"],
    ["[fe80::1]", both, "refused"],
    ["0.0.0.0", both, "refused"],
    ["[::]", both, "refused"],
    ["224.0.0.1", both, "refused"],
    ["255.255.255.255", both, "refused"],
    ["240.0.0.1", both, "refused"],
    // Public addresses, and names only DNS can judge.
    ["8.8.8.8", strict, "allowed"],
    ["dc1.contoso.com", strict, "unknown"],
  ] as const)("%s with %j is %s", (host, allowance, verdict) => {
    expect(checkOutboundHost(host, allowance)).toBe(verdict);
  });
});

describe("resolving a host before connecting", () => {
  const fakeDns = (answers: Record<string, string[]>) => async (host: string) =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

  it("refuses localhost after asking the system's resolver (it resolves to loopback)", async () => {
    await expect(resolveOutboundHost("localhost", strict)).rejects.toThrow(OutboundAddressRefused);
    await expect(resolveOutboundHost("localhost", loopbackToo)).resolves.toMatchObject({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
  });

  it("refuses a name when any of its addresses is internal, and connects to the checked address otherwise", async () => {
    const dns = fakeDns({
      "dc1.contoso.test": ["203.0.114.7", "10.0.0.5"],
      "dc2.contoso.test": ["203.0.114.8", "2606:4700::8"],
      "rebind.test": ["::ffff:169.254.169.254"],
    });
    await expect(resolveOutboundHost("dc1.contoso.test", strict, dns)).rejects.toThrow(outboundRefusalMessage);
    await expect(resolveOutboundHost("dc1.contoso.test", privateToo, dns)).resolves.toEqual({ address: "203.0.114.7", family: 4 });
    await expect(resolveOutboundHost("dc2.contoso.test", strict, dns)).resolves.toEqual({ address: "203.0.114.8", family: 4 });
    await expect(resolveOutboundHost("rebind.test", { private: true, loopback: true }, dns)).rejects.toThrow(OutboundAddressRefused);
  });

  it("refuses decimal, octal and hex spellings of loopback, which the resolver turns into 127.0.0.1", async () => {
    for (const host of ["2130706433", "0x7f.1", "0177.0.0.1", "127.1"]) {
      await expect(resolveOutboundHost(host, strict)).rejects.toThrow(OutboundAddressRefused);
    }
  });

  it("refuses a metadata name without asking DNS", async () => {
    let asked = 0;
    const dns = async () => (asked++, [{ address: "203.0.114.7", family: 4 }]);
    await expect(resolveOutboundHost("metadata.google.internal", both, dns)).rejects.toThrow(OutboundAddressRefused);
    expect(asked).toBe(0);
  });

  it("lets a name that does not resolve fail as unreachable, not as refused", async () => {
    await expect(resolveOutboundHost("nowhere.test", strict, fakeDns({}))).rejects.toMatchObject({ code: "ENOTFOUND" });
  });
});
