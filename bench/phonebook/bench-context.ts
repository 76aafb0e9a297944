import type postgres from "postgres";

/** What every section of the phonebook benchmark is given: the scratch database and the environment its children run with. */
export type BenchContext = {
  sql: postgres.Sql;
  databaseUrl: string;
  env: Record<string, string>;
  options: { entries: number; small: number; callerIdEntries: number; callerIdCustomers: number; lookups: number };
};

/** A section measures one thing side by side with its floor and returns its part of the report. */
export type BenchSection = { name: string; run(context: BenchContext): Promise<string> };
