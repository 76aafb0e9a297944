/**
 * How the worker process is started, by `npm start` and the tests alike: one
 * Node process (tsx as a loader, no npx wrapper) so SIGTERM and SIGKILL reach
 * the worker itself. `react-server` is the condition Next.js resolves server
 * code with: it makes `import "server-only"` a no-op here as in the web app.
 */
export const workerCommand = [process.execPath, "--conditions=react-server", "--import", "tsx", "workers/sync-worker.ts"] as const;
