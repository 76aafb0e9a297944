/**
 * The heap may grow by 40 % before a full collection (V8 lets it grow up to
 * fourfold): the worker's syncs and the web's phonebooks stream their pages
 * and keep little alive, so this keeps their memory flat from a 10,000- to a
 * 100,000-entry tenant. With 64 runs at once the old generation peaks near
 * this share above what a collection leaves, plus the young generation's
 * size: at 50 % a worker's peak / idle in the fleet burst was 1.42–1.63
 * (peaks 231–257 MiB), at 40 % 1.36–1.42 (224–227 MiB) for no more CPU
 * than the runs' spread (bench:fleet).
 */
export const steadyHeapFlag = "--heap-growing-percent=40";

/**
 * The worker's environment beside its flags: glibc's malloc keeps at most two
 * arenas instead of one for each thread that allocates (V8's and libuv's),
 * each holding memory freed into it: 10–18 MiB of a worker's peak with the
 * fleet in flight (bench:fleet). Read by glibc when the process starts, so
 * set where it is started, never by the process itself.
 */
export const workerEnvironment = { MALLOC_ARENA_MAX: "2" } as const;

/**
 * How the worker process is started, by `npm start`, `npm run worker` (the
 * same flags spelled out in package.json; test/unit/launcher/worker-command.test.ts
 * keeps the two equal) and the tests alike: one Node process (tsx as a
 * loader, no npx wrapper) so SIGTERM and SIGKILL reach
 * the worker itself. `react-server` is the condition Next.js resolves server
 * code with: it makes `import "server-only"` a no-op here as in the web app.
 */
export const workerCommand = [process.execPath, steadyHeapFlag, "--conditions=react-server", "--import", "tsx", "workers/sync-worker.ts"] as const;

/**
 * The web server's process, started by `npm start` (scripts/launcher/web-server.ts, Next.js's handler in a
 * server of our own), with the worker's heap setting: a phonebook download streams 100,000 entries a page at a
 * time and keeps little alive, and without it its peak grew with the phonebook's size (1.25–1.35× the
 * 10,000-entry download's, 1.05–1.12× with it; bench/phonebook).
 */
export const webCommand = [process.execPath, steadyHeapFlag, "--import", "tsx", "scripts/launcher/web-server.ts"] as const;

/**
 * The LDAP phonebook's process (workers/ldap-phonebook.ts), started by `npm start`
 * beside the web and the worker, the same way: Node itself, tsx as a loader,
 * `react-server` so that `server-only` modules load.
 */
export const ldapPhonebookCommand = [process.execPath, "--conditions=react-server", "--import", "tsx", "workers/ldap-phonebook.ts"] as const;
