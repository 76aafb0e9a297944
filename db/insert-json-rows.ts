import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";
import { jsonParameter } from "./sql-names";

/**
 * Inserts rows that travel as one JSON parameter, which PostgreSQL unpacks
 * into the table's own column types (`json_populate_recordset`): a thousand
 * rows of twenty columns are one parameter, not twenty thousand to build,
 * send and plan — the sync's page writes do the same (lib/sync/apply-page.ts).
 * Every row has the same fields (a table's property names); a row another
 * holds already (any unique key) is skipped, and `returning` says what comes
 * back of the rows written.
 */
export async function insertJsonRows<Row extends Record<string, unknown>>(
  tx: Pick<Database, "execute">,
  table: PgTable,
  rows: Record<string, unknown>[],
  returning?: SQL,
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table);
  const fields = Object.keys(rows[0]!);
  const names = fields.map((field) => {
    const column = columns[field];
    if (!column) throw new Error(`insertJsonRows: ${field} is not a column`);
    return column.name;
  });
  const json = jsonParameter(rows.map((row) => Object.fromEntries(fields.map((field, i) => [names[i], row[field] ?? null]))));
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const written = await tx.execute<Row>(sql`
    insert into ${table} (${list})
    select ${list} from json_populate_recordset(null::${table}, ${json}::json)
    on conflict do nothing
    ${returning ? sql`returning ${returning}` : sql``}`);
  return [...written] as Row[];
}
