import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { runMigrations } from "../../db/migrate";
import { createScratchDatabase } from "../../test/support/scratch-database";
import type { BenchContext, BenchSection } from "./bench-context";
import { callerIdSection } from "./caller-id-section";
import { ldapSection } from "./ldap-section";
import { streamingSection } from "./streaming-section";

/**
 * `npm run bench:phonebook` (issue 15): each section measures one way the
 * directory reaches the phones beside its floor, in one scratch database,
 * and prints its figures with their targets; it never fails on them.
 */
const sections: BenchSection[] = [streamingSection, callerIdSection, ldapSection];

const { values } = parseArgs({
  options: {
    entries: { type: "string", default: "100000" },
    small: { type: "string", default: "10000" },
    "caller-id-entries": { type: "string", default: "1000000" },
    "caller-id-customers": { type: "string", default: "1000" },
    lookups: { type: "string", default: "10000" },
    only: { type: "string" },
  },
});
const options = {
  entries: Number(values.entries),
  small: Number(values.small),
  callerIdEntries: Number(values["caller-id-entries"]),
  callerIdCustomers: Number(values["caller-id-customers"]),
  lookups: Number(values.lookups),
};

const database = await createScratchDatabase("switchboard_bench_phonebook");
// The portal's settings for this process and the children it forks: the scratch database, rates no benchmark reaches.
const env = {
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  PHONEBOOK_REQUESTS_PER_MINUTE: "1000000000",
  CALLER_ID_REQUESTS_PER_MINUTE: "1000000000",
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
};
Object.assign(process.env, env);
const sql = postgres(database.url, { max: 1, onnotice: () => {} });
let exitCode = 0;
try {
  await runMigrations(database.url);
  const context: BenchContext = { sql, databaseUrl: database.url, env, options };
  const reports = [];
  for (const section of sections.filter((s) => !values.only || s.name === values.only)) reports.push(await section.run(context));
  console.log(`\n${reports.join("\n\n")}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await sql.end();
  // The credentials' uses counted in the last second, written while their database is still there.
  const { writeCredentialUses } = await import("../../lib/directory-credentials/credential-uses");
  await writeCredentialUses();
  const { closeDb } = await import("../../db/client");
  await closeDb();
  await database.drop();
}
process.exit(exitCode);
