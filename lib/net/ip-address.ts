import { isIPv6 } from "node:net";

/** An IP address as bytes: 4 for IPv4, 16 for IPv6. */
export type IpAddress = { family: 4 | 6; bytes: Uint8Array };

/**
 * Reads an IP address the way the system's resolver would, not only in its
 * usual spelling: getaddrinfo takes inet_aton's forms, so 2130706433, 0x7f.1,
 * 0177.0.0.1 and 127.1 all mean 127.0.0.1 to a connect(), and a URL of an
 * ldaps:// (non-web) scheme passes them through as they are. IPv6 may come in
 * brackets, with a zone (%eth0) or an IPv4 tail. Anything else (a name) is null.
 */
export function parseIpAddress(text: string): IpAddress | null {
  const host = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  return host.includes(":") ? parseIpv6(host) : parseIpv4(host);
}

function parseIpv4(host: string): IpAddress | null {
  const parts = host.split(".");
  if (parts.length > 4) return null;
  const numbers = parts.map(inetNumber);
  if (numbers.some((n) => n === null)) return null;
  // Every part but the last is one byte; the last fills the bytes that are left.
  const last = numbers.pop()!;
  if (numbers.some((n) => n! > 255) || last! >= 2 ** (8 * (4 - numbers.length))) return null;
  let value = last!;
  numbers.forEach((n, i) => (value += n! * 2 ** (8 * (3 - i))));
  return { family: 4, bytes: Uint8Array.of(value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255) };
}

function inetNumber(part: string): number | null {
  if (/^0x[0-9a-f]+$/i.test(part)) return parseInt(part.slice(2), 16);
  if (/^0[0-7]*$/.test(part)) return parseInt(part, 8);
  if (/^[1-9][0-9]*$/.test(part)) return Number(part);
  return null;
}

function parseIpv6(host: string): IpAddress | null {
  if (!isIPv6(host)) return null;
  let text = host;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const front = head ? head.split(":") : [];
  const back = tail === undefined ? [] : tail ? tail.split(":") : [];
  const words = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back];
  if (words.length !== 8) return null;
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    const n = parseInt(word, 16);
    bytes[2 * i] = n >> 8;
    bytes[2 * i + 1] = n & 255;
  });
  return { family: 6, bytes };
}
