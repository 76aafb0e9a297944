import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { accounts, managedColumns, type ManagedField } from "@/db/schema";

type ManagedValues = Record<ManagedField, string | null>;

/**
 * The new hand_set_fields of a user a manager saves, for the same UPDATE that
 * writes the values: every managed field whose value the manager changed is
 * added — compared with the row as that UPDATE finds it (a SET reads the old
 * row), so a sync writing at the same moment can neither slip between the
 * read and the write nor be mistaken for the manager's hand. Only for a
 * provisioned user (directoryEntryId set); for others nothing is tracked.
 */
export function handSetFieldsAfter(values: ManagedValues): SQL {
  const changed = (Object.entries(values) as [ManagedField, string | null][]).map(
    ([field, value]) => sql`case when ${managedColumns[field]}::text is distinct from ${value}::text then ${field} end`,
  );
  return sql`case when ${accounts.directoryEntryId} is null then ${accounts.handSetFields}
    else array(select distinct f from unnest(${accounts.handSetFields} || array_remove(array[${sql.join(changed, sql`, `)}]::text[], null)) as f order by f) end`;
}
