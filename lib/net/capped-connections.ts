import { Agent, setGlobalDispatcher } from "undici";
import { env } from "@/lib/env";

/**
 * Caps the connections this process's fetch keeps to any one host at
 * CONNECTIONS_PER_HOST; a request beyond them waits for one. Graph's and the
 * identity platform's libraries (the Graph client, msal) fetch through
 * Node's default, which opened a TLS connection for every request in flight
 * and kept each alive: a worker with 64 runs at once held 400, about 80 KiB
 * each (bench:fleet). Node's fetch reads the process-wide dispatcher that
 * undici's setGlobalDispatcher sets (Node bundles undici 6.x, whose Agent it
 * does not export). Called once, where a process starts.
 */
export function capConnectionsPerHost(): void {
  setGlobalDispatcher(new Agent({ connections: env().CONNECTIONS_PER_HOST }));
}
