import type { PgColumn } from "drizzle-orm/pg-core";
import type { DirectorySource, SyncRun } from "@/db/schema";
import type { db } from "@/db/client";

/**
 * What provisioning needs of a sync connector: its source, the directory
 * column of its key, and (for sources with groups) the people in chosen
 * groups. Every connector (lib/sync's Connector) is one; provisioning names
 * no connector and does not depend on the engine that runs it.
 */
export type ProvisioningSource = {
  source: DirectorySource;
  keyColumn: PgColumn;
  provisioningScope?: (run: SyncRun, groups: readonly { id: string }[]) => Promise<ReadonlySet<string>>;
};

/** A transaction (or the database) as deprovisioning, in the removals' transaction, reads and writes it. */
export type ProvisioningWriter = Pick<ReturnType<typeof db>, "select" | "execute" | "insert">;
