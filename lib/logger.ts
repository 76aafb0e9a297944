import pino from "pino";

/**
 * Structured logs. Redaction is the safety net, not the plan: code never passes
 * secrets to the logger, and these paths catch the cases where an object that
 * carries one is logged whole.
 */
export const redactedPaths = [
  "password",
  "*.password",
  "passwordHash",
  "*.passwordHash",
  "currentPassword",
  "*.currentPassword",
  "newPassword",
  "*.newPassword",
  "secret",
  "*.secret",
  "clientSecret",
  "*.clientSecret",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  redact: { paths: redactedPaths, censor: "[redacted]" },
  base: { service: process.env.SERVICE_NAME ?? "web" },
});
