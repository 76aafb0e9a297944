import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/**
 * Every table of the public schema as a row count and an md5 of its rows
 * (as jsonb text, sorted, so row order does not matter), minus the columns
 * named in `ignore` — what a request may legitimately touch without changing
 * anything: the SCIM request log records each request, and a SCIM token's
 * last use is stamped on each authenticated call.
 */
export async function snapshotDatabase(ignore: Record<string, string[]> = {}): Promise<Record<string, string>> {
  const tables = await db().execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const ignored = ignore[table] ?? [];
    if (ignored.includes("*")) continue;
    const [row] = await db().execute<{ n: number; sum: string }>(sql`
      select count(*)::int as n, md5(coalesce(string_agg(j::text, '' order by j::text), '')) as sum
      from (select to_jsonb(t) - ${`{${ignored.join(",")}}`}::text[] as j from ${sql.identifier(table)} t) s`);
    out[table] = `${row!.n} rows, ${row!.sum}`;
  }
  return out;
}
