import type { TestProject } from "vitest/node";
import { runMigrations } from "@/db/migrate";
import { startEmulator } from "@/emulator";
import { createScratchDatabase } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "pglite";
    emulatorUrl: string;
    emulatorAdminKey: string;
    queuePrefix: string;
  }
}

/**
 * One fresh, migrated database per run (dropped afterwards) and one Entra/Graph
 * emulator that every test file shares; tests isolate themselves by creating
 * their own tenants in it, as they create their own customers in the database.
 */
export default async function setup(project: TestProject) {
  const database = await createScratchDatabase();
  await runMigrations(database.url);
  const emulator = await startEmulator({ seed: "demo", port: 0 });
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  project.provide("emulatorUrl", emulator.url);
  project.provide("emulatorAdminKey", emulator.adminKey);
  project.provide("queuePrefix", `test-${Date.now()}-${process.pid}`);
  return async () => {
    await emulator.close();
    await database.drop();
  };
}
