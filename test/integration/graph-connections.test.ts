import tls from "node:tls";
import { getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, describe, expect, it } from "vitest";
import { newConfidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";
import { capConnectionsPerHost } from "@/lib/net/capped-connections";
import { createTenant, emulatorAdmin } from "../support/sync-fixture";

/** Counts the TLS connections this process opens from now on (fetch, msal's too, connects through node:tls). */
function countTlsConnections(): { opened(): number; stop(): void } {
  const original = tls.connect;
  let opened = 0;
  tls.connect = ((...args: Parameters<typeof tls.connect>) => {
    opened++;
    return original.apply(tls, args);
  }) as typeof tls.connect;
  return { opened: () => opened, stop: () => void (tls.connect = original) };
}

describe("a process that caps its connections per host, as the web and the worker do", () => {
  const dispatcher = getGlobalDispatcher();
  const setting = process.env.CONNECTIONS_PER_HOST;
  const connections = countTlsConnections();
  afterAll(() => {
    connections.stop();
    setGlobalDispatcher(dispatcher);
    if (setting === undefined) delete process.env.CONNECTIONS_PER_HOST;
    else process.env.CONNECTIONS_PER_HOST = setting;
  });

  it("opens at most CONNECTIONS_PER_HOST to Graph and the identity platform, however many requests are in flight; the others wait and all are answered", async () => {
    // lib/env.ts reads the environment once per file's modules: before the first read.
    process.env.CONNECTIONS_PER_HOST = "2";
    capConnectionsPerHost();
    const tenant = await createTenant(emulatorAdmin(), { users: 30 });
    await emulatorAdmin().setFaults(tenant.tenantId, { latencyMs: 200 });
    const opened = connections.opened();
    // Six companies' clients, each asking msal for its token, then twelve Graph requests at once.
    const clients = Array.from({ length: 6 }, (_, i) =>
      graphClient(newConfidentialClient({ customerId: `connections-${i}`, ...tenant }), { ...tenant, tenantUsers: null }),
    );
    const pages = await Promise.all(Array.from({ length: 12 }, (_, i) => clients[i % 6]!.api(`/users?$top=${i + 1}`).get() as Promise<{ value: unknown[] }>));
    expect(pages.map((p) => p.value.length)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Without the cap, fetch opens a connection per request in flight: a dozen or more here.
    expect(connections.opened() - opened).toBeLessThanOrEqual(2);
  });
});
