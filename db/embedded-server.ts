import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PGliteSessionQueue } from "./pglite-session-queue";

export type EmbeddedDatabase = { url: string; close(): Promise<void> };

/**
 * The embedded default: one process owns a PGlite database and serves it over
 * the Postgres wire protocol, so the web app, the worker and migrations connect
 * to it exactly as they would to a real server.
 *
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function startEmbeddedDatabase(opts: { dataDir?: string; port?: number }): Promise<EmbeddedDatabase> {
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const pg = await PGlite.create(opts.dataDir);
  // The socket multiplexer runs every client on PGlite's single session, so
  // per-connection settings would not stick; set them once, here. BullMQ's
  // PostgreSQL backend calls its functions unqualified from schema `bullmq`.
  await pg.exec("create schema if not exists bullmq; set search_path to public, bullmq;");
  const server = new PGLiteSocketServer({
    db: pg,
    host: "127.0.0.1",
    port: opts.port ?? 0,
    maxConnections: 100,
  });
  // See PGliteSessionQueue: the library's queue lets concurrent connections
  // interleave extended-protocol messages. Handlers take the queue from this
  // field when a client connects, so replacing it before start() covers all.
  (server as unknown as { queryQueue: PGliteSessionQueue }).queryQueue = new PGliteSessionQueue(pg);
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres`;
  return {
    url,
    async close() {
      await server.stop();
      await pg.close();
    },
  };
}
