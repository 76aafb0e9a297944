import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;

// One pool per process, created on first use so that importing a module that
// touches the database (e.g. during `next build`) needs no DATABASE_URL.
let instance: { db: Database; sql: postgres.Sql } | undefined;

export function db(): Database {
  if (!instance) {
    const sql = postgres(env().DATABASE_URL, {
      max: env().DATABASE_POOL_SIZE,
      onnotice: () => {},
    });
    instance = { db: drizzle(sql, { schema, casing: "snake_case" }), sql };
  }
  return instance.db;
}

export async function closeDb(): Promise<void> {
  await instance?.sql.end({ timeout: 5 });
  instance = undefined;
}
