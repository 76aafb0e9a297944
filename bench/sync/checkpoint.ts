import postgres from "postgres";
import { adminUrl } from "../../test/support/scratch-database";

/**
 * A CHECKPOINT before each measured phase: a 100,000-user phase writes some
 * hundred MB of WAL, and the checkpoint that sets off in PostgreSQL would
 * otherwise land in whichever phase comes next (seen as one full sync in a
 * few taking half as long again). Every phase, the floor's included, starts
 * from the same state.
 */
export async function checkpoint(): Promise<void> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    await sql`checkpoint`;
  } finally {
    await sql.end();
  }
}
