import pino, { type DestinationStream, type LoggerOptions } from "pino";
import { logSettings } from "@/lib/logging/log-settings";
import { scrubSecrets } from "@/lib/logging/scrub-secrets";
import { serializeError } from "@/lib/logging/serialize-error";

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
  "secretCiphertext",
  "*.secretCiphertext",
  "bindPassword",
  "*.bindPassword",
  "bindPasswordCiphertext",
  "*.bindPasswordCiphertext",
  "ciphertext",
  "*.ciphertext",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
];

/**
 * The options every logger of ours is made with. Errors go through
 * serializeError (statement parameters dropped, secret shapes redacted), and
 * every line is scrubbed once more as written, for a hash or token that
 * arrives in some other field's text.
 */
export function loggerOptions(): LoggerOptions {
  const settings = logSettings();
  return {
    level: settings.LOG_LEVEL,
    redact: { paths: redactedPaths, censor: "[redacted]" },
    base: { service: settings.SERVICE_NAME },
    serializers: { err: serializeError, error: serializeError },
    hooks: { streamWrite: (line) => scrubSecrets(line, { blobs: false }) },
  };
}

export function createLogger(destination?: DestinationStream) {
  return destination ? pino(loggerOptions(), destination) : pino(loggerOptions());
}

export const logger = createLogger();
