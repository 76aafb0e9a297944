import postgres from "postgres";
import { startEmbeddedDatabase } from "@/db/embedded-server";

export type ScratchDatabase = { url: string; kind: "postgres" | "pglite"; drop(): Promise<void> };

/** Where tests create their databases; the machine's PostgreSQL with trust auth by default. */
export const adminUrl = () => process.env.TEST_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A brand-new empty database: on the real PostgreSQL server (TEST_DB=postgres,
 * the default) or an in-memory embedded PGlite served over its socket
 * (TEST_DB=pglite), so the same suite proves both paths.
 */
export async function createScratchDatabase(prefix = "switchboard_test"): Promise<ScratchDatabase> {
  if (process.env.TEST_DB === "pglite") {
    const embedded = await startEmbeddedDatabase({});
    return { url: embedded.url, kind: "pglite", drop: () => embedded.close() };
  }
  const name = `${prefix}_${Date.now()}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    async drop() {
      const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}
