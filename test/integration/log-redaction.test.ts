import { Writable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { hashPassword } from "@/lib/accounts/password";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/logger";
import { seal } from "@/lib/secrets/secret-box";

/** A logger made exactly as the app's, writing its lines into an array. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const previous = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "info";
  const log = createLogger(destination);
  process.env.LOG_LEVEL = previous;
  return { log, text: () => lines.join("") };
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  return run().then(
    () => expect.unreachable("the statement should have failed"),
    (error: unknown) => error,
  );
}

describe("the logger and a failed statement", () => {
  it("keeps an argon2 hash a failed update was run with out of the log", async () => {
    const hash = await hashPassword("a-password-nobody-may-read");
    // A failed update of a password hash, as drizzle reports it: its message ends "params: <the hash>, …".
    const error = await failure(() =>
      db()
        .update(accounts)
        .set({ passwordHash: hash })
        .where(eq(accounts.id, sql`${"not-a-uuid"}::uuid`)),
    );
    expect(String((error as Error).message)).toContain(hash); // the driver's error does carry it
    const { log, text } = capturingLogger();
    log.error({ err: error }, "server action failed");
    expect(text()).toContain("server action failed");
    expect(text()).toContain("update"); // the statement itself stays, for whoever reads the log
    expect(text()).not.toContain(hash);
    expect(text()).not.toContain("$argon2id$");
  });

  it("drops postgres.js's own `parameters` and `args` when the driver makes them visible", async () => {
    const hash = await hashPassword("another-password-nobody-may-read");
    const client = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {}, debug: () => {} }); // debug makes query and parameters enumerable
    try {
      const error = await failure(() => client`select ${hash}::uuid`);
      expect((error as { parameters?: unknown }).parameters).toContain(hash);
      const { log, text } = capturingLogger();
      log.error({ err: error }, "query failed");
      expect(text()).toContain("query failed");
      expect(text()).not.toContain(hash);
      expect(text()).not.toMatch(/"parameters":\[/);
    } finally {
      await client.end();
    }
  });

  it("redacts bearer tokens, SCIM tokens and sealed secrets in error text and nested causes", () => {
    const sealed = seal("client-secret-value", "00000000-0000-4000-8000-000000000001").ciphertext;
    const scimToken = "swb_scim_" + "A1b2C3d4".repeat(5);
    const phonebookSecret = "swb_pb_" + "x-Y_9".repeat(8);
    const cause = new Error(`stored ${sealed} for GET /phonebook/${phonebookSecret}/yealink.xml`);
    const error = new Error(`upstream refused Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl and ${scimToken}`, { cause });
    const { log, text } = capturingLogger();
    log.error({ err: error, note: `hash $argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g` }, "request failed");
    expect(text()).toContain("request failed");
    expect(text()).not.toContain("eyJzdWIiOiIxIn0");
    expect(text()).not.toContain(scimToken);
    expect(text()).not.toContain(phonebookSecret);
    expect(text()).not.toContain(sealed);
    expect(text()).not.toContain("aGFzaGhhc2g");
  });
});
