import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrations } from "@/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

describe("migrations", () => {
  let database: ScratchDatabase;
  beforeAll(async () => {
    database = await createScratchDatabase("switchboard_migrate");
  });
  afterAll(() => database.drop());

  it("apply to an empty database, and a second run changes nothing", async () => {
    await runMigrations(database.url);
    await runMigrations(database.url);
    const sql = postgres(database.url, { max: 1 });
    try {
      const tables = await sql<{ table_name: string }[]>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`;
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(["accounts", "audit_log", "company_extensions", "customers", "directory_entries", "sign_in_failures"]),
      );
      const constraints = await sql<{ conname: string }[]>`
        select conname from pg_constraint where conrelid = 'accounts'::regclass`;
      expect(constraints.map((c) => c.conname)).toEqual(expect.arrayContaining(["accounts_entra_link_unique"]));
    } finally {
      await sql.end();
    }
  });
});
