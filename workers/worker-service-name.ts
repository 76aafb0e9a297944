/**
 * Imported first by the worker: its log lines say `service: "worker"` however
 * it was started. `npm start` sets SERVICE_NAME for both of its children;
 * `npm run worker` on another machine does not, and the logger's default is "web".
 */
process.env.SERVICE_NAME ??= "worker";
