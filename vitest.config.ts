import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Three projects so each can be run alone: unit (no services), integration
// (real PostgreSQL / Redis / PGlite, one database per run) and emulator.
export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}test/support/server-only-stub.ts` } },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: [
            "test/emulator/support/certificates-global-setup.ts",
            "test/support/integration-global-setup.ts",
            "test/support/samba/samba-global-setup.ts",
          ],
          setupFiles: ["test/support/integration-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "emulator",
          include: ["test/emulator/**/*.test.ts"],
          globalSetup: ["test/emulator/support/certificates-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
