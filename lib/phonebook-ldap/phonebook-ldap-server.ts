import "server-only";
import net from "node:net";
import tls from "node:tls";
import type { Logger } from "pino";
import { PageCookies } from "./page-cookie";
import { PhonebookConnection, type ConnectionLimits } from "./phonebook-connection";

export type PhonebookLdapServerOptions = ConnectionLimits & {
  host: string;
  /** LDAPS (TLS from the first byte); 0 for any free port. */
  ldapsPort: number;
  /** Plain LDAP that must be upgraded with StartTLS before a bind; 0 for any free port. */
  ldapPort: number;
  certPem: string;
  keyPem: string;
  maxConnections: number;
  logger: Logger;
};

export type RunningPhonebookLdapServer = { ldapsPort: number; ldapPort: number; close: () => Promise<void> };

/**
 * The read-only LDAP phonebook: LDAPS on one port, StartTLS on the other,
 * each refusing connections past `maxConnections`. A bad client costs only
 * its own connection: TLS failures and socket errors are logged at debug
 * and dropped.
 */
export async function startPhonebookLdapServer(options: PhonebookLdapServerOptions): Promise<RunningPhonebookLdapServer> {
  const secureContext = tls.createSecureContext({ cert: options.certPem, key: options.keyPem, minVersion: "TLSv1.2" });
  const connection = { ...options, secureContext, cookies: new PageCookies() };
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };

  const ldaps = tls.createServer({ cert: options.certPem, key: options.keyPem, minVersion: "TLSv1.2", handshakeTimeout: 10_000 }, (socket) => {
    track(socket);
    new PhonebookConnection(socket, true, connection);
  });
  ldaps.on("tlsClientError", (error) => options.logger.debug({ err: { message: error.message } }, "phonebook TLS handshake failed"));
  const ldap = net.createServer((socket) => {
    track(socket);
    new PhonebookConnection(socket, false, connection);
  });
  for (const server of [ldaps, ldap]) {
    server.maxConnections = options.maxConnections;
    server.on("error", (error) => options.logger.error({ err: error }, "phonebook LDAP server error"));
  }
  const ldapsPort = await listen(ldaps, options.host, options.ldapsPort);
  const ldapPort = await listen(ldap, options.host, options.ldapPort);
  return {
    ldapsPort,
    ldapPort,
    close: async () => {
      const closing = [ldaps, ldap].map((server) => new Promise<void>((resolve) => server.close(() => resolve())));
      for (const socket of sockets) socket.destroy();
      await Promise.all(closing);
    },
  };
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}
