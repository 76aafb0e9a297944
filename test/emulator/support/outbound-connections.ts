import net from "node:net";
import tls from "node:tls";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", "[::1]"]);
const seen: string[] = [];
let watching = false;

type ConnectArgs = [unknown, ...unknown[]];

/** The host a net/tls connect call is aimed at, from its (options | port, host) arguments. */
function targetHost(args: ConnectArgs): string {
  const [first, second] = args;
  if (first && typeof first === "object") {
    const options = first as { host?: string; servername?: string; path?: string };
    return options.path ? "unix-socket" : (options.host ?? "localhost");
  }
  return typeof second === "string" ? second : "localhost";
}

/**
 * Records the host of every outgoing TCP/TLS connection this worker opens
 * (msal-node's https and the Graph client's fetch both go through tls.connect).
 * Tests use it to prove that the libraries, configured as documented, never
 * reach for a Microsoft host behind our back (msal's instance discovery, say).
 */
export function watchOutboundConnections(): { hosts(): string[]; nonLoopback(): string[] } {
  if (!watching) {
    watching = true;
    for (const api of [tls, net] as const) {
      const original = api.connect as (...args: ConnectArgs) => net.Socket;
      (api as { connect: unknown }).connect = (...args: ConnectArgs) => {
        seen.push(targetHost(args));
        return original.apply(api, args);
      };
    }
  }
  const start = seen.length;
  return {
    hosts: () => seen.slice(start),
    nonLoopback: () => seen.slice(start).filter((host) => !LOOPBACK.has(host)),
  };
}
