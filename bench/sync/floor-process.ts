import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { deltaPages } from "../../lib/connectors/entra/delta-pages";
import { statusOf, toSyncedFields, type DeltaItem } from "../../lib/connectors/entra/graph-user";
import { syncedFieldNames } from "../../lib/sync/synced-fields";
import { graphClientFor } from "../emulator/graph-client-for";
import type { FloorInput, FloorMessage } from "./bench-protocol";

/**
 * The floor a full sync is measured against, in a fresh process of its own:
 * page every user out of the emulator exactly as the sync does (the same
 * `deltaPages`, `$select` and 999 a page, msal + the Graph client) and
 * stream the same rows with one `COPY` into an empty table shaped like
 * `directory_entries` (same columns, defaults and indexes). Nothing is read
 * back, compared or recorded: the least work that fills a directory.
 */
const input = JSON.parse(process.argv[2]!) as FloorInput;
const { tenant } = input;
const table = "bench_floor_entries";
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const columns = ["customer_id", "source", "aad_tenant_id", "aad_object_id", "status", ...syncedFieldNames.map(snake)];

const sql = postgres(input.databaseUrl, { max: 1, onnotice: () => {} });
await sql.unsafe(`drop table if exists ${table}; create table ${table} (like directory_entries including all)`);
const client = graphClientFor(input.emulatorUrl, input.emulatorUrl, tenant.tenantId, tenant.clientId, tenant.clientSecret);
const customerId = randomUUID();
let pages = 0;
let rows = 0;

async function* copyText(): AsyncGenerator<string> {
  for await (const page of deltaPages(client, { deltaLink: null })) {
    pages++;
    rows += page.items.length;
    yield page.items.map(copyLine).join("");
  }
}

function copyLine(item: DeltaItem): string {
  const fields = toSyncedFields(item, null);
  const values = [customerId, "entra", tenant.tenantId, item.id.toLowerCase(), statusOf(item), ...syncedFieldNames.map((name) => fields[name])];
  return `${values.map(copyValue).join("\t")}\n`;
}

/** COPY's text format: \N is null; backslash, tab and line breaks are escaped; lists as array literals, the attributes as JSON text. */
function copyValue(field: string | object | null): string {
  if (field === null) return "\\N";
  const value = typeof field === "string" ? field : Array.isArray(field) ? arrayLiteral(field) : JSON.stringify(field);
  return value.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
}

/** A text[] literal: each item quoted, its quotes and backslashes escaped. */
const arrayLiteral = (items: readonly string[]) => `{${items.map((i) => `"${i.replace(/["\\]/g, "\\$&")}"`).join(",")}}`;

const started = performance.now();
await pipeline(Readable.from(copyText()), await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable());
const ms = performance.now() - started;

const [{ count }] = await sql.unsafe<[{ count: number }]>(`select count(*)::int as count from ${table}`);
if (count !== rows || rows !== tenant.userCount) throw new Error(`Floor copied ${count} of ${rows} rows paged; the tenant has ${tenant.userCount}`);
await sql.unsafe(`drop table ${table}`);
await sql.end();
process.send!({ type: "done", ms, rows, pages } satisfies FloorMessage, () => process.exit(0));
