import postgres from "postgres";
import { directoryEntries } from "../../db/schema";
import { defaultPhonebookSettings, publishedEntries } from "../../lib/phonebook/published-entries";

/**
 * The floor a phonebook download is measured against: the very query the
 * stream pages through (same columns, same join, same order), whole, as
 * `COPY (…) TO STDOUT` read to its last byte on a fresh connection — the
 * least work that gets those rows out of PostgreSQL.
 */
export async function copyFloor(databaseUrl: string, customerId: string): Promise<{ ms: number; bytes: number }> {
  const query = publishedEntries(customerId, defaultPhonebookSettings).orderBy(directoryEntries.displayName, directoryEntries.id).toSQL();
  // COPY takes no parameters: the customer's id (a uuid) and the enum values go in as literals.
  const text = query.sql.replace(/\$(\d+)/g, (_, i: string) => `'${String(query.params[Number(i) - 1]).replace(/'/g, "''")}'`);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    const started = performance.now();
    let bytes = 0;
    for await (const chunk of await sql.unsafe(`copy (${text}) to stdout`).readable()) bytes += (chunk as Buffer).length;
    return { ms: performance.now() - started, bytes };
  } finally {
    await sql.end();
  }
}
