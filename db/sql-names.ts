import { sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgEnum } from "drizzle-orm/pg-core";

/**
 * Names for raw statements (the sync engine's, provisioning's), taken from the schema's objects so
 * that a renamed table, column or type fails the type check instead of a run.
 * A table or a qualified column goes in as `${table}` / `${table.column}`;
 * these are for the places SQL wants a bare name (an INSERT's column list,
 * SET's left side, an `excluded.` column) or a type's name in a cast.
 */
export const column = (c: PgColumn): SQL => sql`${sql.identifier(c.name)}`;

export const columns = (cs: readonly PgColumn[]): SQL => sql.join(cs.map(column), sql`, `);

export const enumType = (e: Pick<PgEnum<[string, ...string[]]>, "enumName">): SQL => sql`${sql.identifier(e.enumName)}`;

/** UUIDs (ours, or a source's already stored as one) as one `uuid[]` parameter: a page's IDs are one parameter, not a thousand. */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * A value as one JSON text parameter (a page of entries, a batch), flat. V8's JSON.stringify returns a rope of parts
 * of up to 16 KB, and postgres.js flattens it only as it sends the statement: a page that waited for a connection
 * then held both the parts, copied into the old generation by then, and the flat copy. Measuring the text's UTF-8
 * length flattens it in place, here, and the parts die young.
 */
export function jsonParameter(value: unknown): string {
  const text = JSON.stringify(value);
  Buffer.byteLength(text);
  return text;
}
