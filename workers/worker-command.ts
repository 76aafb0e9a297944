/**
 * How the worker process is started, by `npm start`, `npm run worker` (the
 * same flags spelled out in package.json; test/unit/launcher/worker-command.test.ts
 * keeps the two equal) and the tests alike: one Node process (tsx as a
 * loader, no npx wrapper) so SIGTERM and SIGKILL reach
 * the worker itself. `react-server` is the condition Next.js resolves server
 * code with: it makes `import "server-only"` a no-op here as in the web app.
 * The heap may grow by half before a full collection (V8 lets it grow up to
 * fourfold): a sync streams its pages and keeps little alive, so this keeps
 * the worker's memory flat from a 10,000- to a 100,000-user tenant.
 */
export const workerCommand = [process.execPath, "--heap-growing-percent=50", "--conditions=react-server", "--import", "tsx", "workers/sync-worker.ts"] as const;

/**
 * The LDAP phonebook's process (workers/ldap-phonebook.ts), started by `npm start`
 * beside the web and the worker, the same way: Node itself, tsx as a loader,
 * `react-server` so that `server-only` modules load.
 */
export const ldapPhonebookCommand = [process.execPath, "--conditions=react-server", "--import", "tsx", "workers/ldap-phonebook.ts"] as const;
