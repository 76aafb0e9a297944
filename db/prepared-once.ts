import { db, type Database } from "./client";

/**
 * A statement prepared once per database client (tests and scripts replace the
 * client with closeDb), for the few queries asked on every machine request —
 * a caller-ID lookup, a credential check — where building the query and
 * planning it again each time cost more than running it (bench/phonebook).
 * Drizzle names it, so PostgreSQL keeps its plan per connection.
 */
export function preparedOnce<T>(prepare: (client: Database) => T): () => T {
  let prepared: { client: Database; statement: T } | undefined;
  return () => {
    const client = db();
    if (prepared?.client !== client) prepared = { client, statement: prepare(client) };
    return prepared.statement;
  };
}
