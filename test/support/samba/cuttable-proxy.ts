import net from "node:net";

export type CuttableProxy = {
  port: number;
  /** The address to put in an LDAP URL's host part. */
  host: string;
  /** Drops every open connection at once, as a domain controller that dies mid-import would. New connections still go through. */
  cut(): void;
  /** Stops listening and drops everything: afterwards connections are refused. */
  close(): Promise<void>;
  /** Resolves once the server has sent `bytes` more through the relay (counted from now). */
  afterServerSent(bytes: number): Promise<void>;
};

/**
 * A TCP relay in front of the domain controller, so a test can make "the
 * server went away" happen at an exact moment without stopping Samba under
 * the other tests. Bytes pass untouched, TLS included: the client still checks
 * Samba's certificate, which names 127.0.0.1 (and not 127.0.0.2, which the
 * relay may listen on to show a host name mismatch).
 */
export async function startCuttableProxy(target: { host: string; port: number }, listenHost = "127.0.0.1"): Promise<CuttableProxy> {
  const sockets = new Set<net.Socket>();
  let sent = 0;
  const waiters: { until: number; resolve: () => void }[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    upstream.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      for (const waiter of waiters.filter((w) => sent >= w.until)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  const cut = () => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    host: listenHost,
    port: (server.address() as net.AddressInfo).port,
    cut,
    afterServerSent: (bytes) => new Promise((resolve) => waiters.push({ until: sent + bytes, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
