import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

/**
 * `npm run lint` (part of `npm test`): Next.js's rules with react-hooks and
 * core web vitals, typescript-eslint's recommended rules (through
 * eslint-config-next/typescript), and drizzle's guard against an UPDATE or
 * DELETE without WHERE. Warnings fail the run too (--max-warnings=0).
 */
export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `const { secret: _secret, ...rest } = row` is how a field is left out of an object here; `_` marks it unused.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { ignoreRestSiblings: true, varsIgnorePattern: "^_", argsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["test/**", "bench/**"],
    rules: {
      // Playwright's fixture callback `use` and vitest helpers like useSambaDirectory() are not React hooks.
      "react-hooks/rules-of-hooks": "off",
      // Wire-level helpers return JSON of any shape for the test to assert on.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    plugins: { drizzle },
    rules: {
      // Our query builders are `db()` (lib/db) and `tx` (a transaction's); naming them keeps
      // Map#delete, Set#delete, hash.update and the test directory's delete(dn) out of the rule.
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
    },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "db/migrations/**",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
    "next-env.d.ts",
  ]),
]);
