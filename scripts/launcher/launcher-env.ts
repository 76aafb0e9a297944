import { z } from "zod";
import { commandEnv, flagSetting, parseEnv, portSetting } from "../../lib/config/parse-env";

/**
 * What `npm start` itself reads, before its children exist (they read theirs
 * through lib/env.ts). Empty values count as unset, as a shell's `VAR=` means.
 * With no DATABASE_URL the launcher makes the embedded database and generates
 * the secrets; with one, NEXTAUTH_SECRET and ENCRYPTION_KEYS must be given.
 */
const schema = z
  .object({
    PORT: portSetting.min(1, "must be a port number").default(3000),
    DATABASE_URL: z.string().url({ message: "must be a postgres:// connection URL" }).optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ENCRYPTION_KEYS: z.string().optional(),
    EMBEDDED_DB_PORT: portSetting.default(0),
    EMULATOR_PORT: portSetting.min(1, "must be a port number").default(8443),
    DEMO_SEED: flagSetting.default(false),
    // The LDAP phonebook (workers/ldap-phonebook.ts reads these too); without a certificate it is not started, except in the demo.
    PHONEBOOK_LDAPS_PORT: portSetting.default(6636),
    PHONEBOOK_LDAP_PORT: portSetting.default(6389),
    PHONEBOOK_LDAP_TLS_CERT: z.string().optional(),
    PHONEBOOK_LDAP_TLS_KEY: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (!value.DATABASE_URL) return;
    for (const name of ["NEXTAUTH_SECRET", "ENCRYPTION_KEYS"] as const) {
      if (!value[name]) ctx.addIssue({ code: "custom", path: [name], message: "must be set when DATABASE_URL is (see README, Configuration)" });
    }
  });

export type LauncherEnv = z.infer<typeof schema>;

/** The launcher's settings; throws an error naming each bad variable. */
export function parseLauncherEnv(source: Record<string, string | undefined>): LauncherEnv {
  return parseEnv(schema, withoutEmpty(source));
}

/** The same from process.env for `npm start`: a bad variable is said plainly and the launcher exits 1. */
export function launcherEnv(): LauncherEnv {
  return commandEnv(schema, withoutEmpty(process.env));
}

function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
}
