import { describe, expect, it } from "vitest";
import { asSessionUser } from "@/lib/auth/as-session-user";
import { authOptions } from "@/lib/auth/auth-options";
import { createCustomerWithManager, testPassword } from "../support/factories";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

/** A credential provider's own authorize(), as next-auth's callback route calls it. */
function authorizeOf(id: "password" | "directory"): Authorize {
  // next-auth merges `options` (where our id and authorize are) over the provider's defaults when it runs.
  const provider = (authOptions().providers as unknown as { options: { id?: string; authorize: Authorize } }[]).find((p) => p.options.id === id)!;
  return (credentials, req) => provider.options.authorize(credentials, req);
}

const req = { headers: { "x-switchboard-client-address": "192.0.2.77" } };
const hostile = ["ab\u0000cd", "\u0000", "x\uD800y", "\uDC00", "€".repeat(10_000), "a".repeat(100_000)];
// What must never reach an unauthenticated caller.
const leaks = /select|insert|from "|params|\$1|invalid byte|stack|at \w+ \(|postgres/i;

async function messageOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: Error) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error!.message;
}

describe("sign-in forms refuse hostile input with the ordinary message", () => {
  const password = authorizeOf("password");
  const directory = authorizeOf("directory");

  for (const value of hostile) {
    const label = JSON.stringify(value.slice(0, 12)) + (value.length > 12 ? `… (${value.length})` : "");
    it(`password sign-in: portal ID or password ${label}`, async () => {
      for (const credentials of [
        { portalId: value, password: "x" },
        { portalId: "boss@acme", password: value },
      ]) {
        const message = await messageOf(password(credentials, req));
        expect(message).toBe("Enter your portal ID and password.");
      }
    });

    it(`directory sign-in: company, user name or password ${label}`, async () => {
      for (const credentials of [
        { company: value, username: "bob", password: "x" },
        { company: "acme", username: value, password: "x" },
        { company: "acme", username: "bob", password: value },
      ]) {
        const message = await messageOf(directory(credentials, req));
        expect(message).toBe("Enter your company, user name and password.");
      }
    });
  }

  it("still signs in with ordinary credentials through the same path", async () => {
    const manager = await createCustomerWithManager();
    await expect(password({ portalId: manager.portalId, password: testPassword }, req)).resolves.toMatchObject({ id: manager.accountId, role: "manager" });
  });

  it("never hands a database error's SQL or parameters to the caller", async () => {
    const dbError = Object.assign(new Error(`Failed query: select "id" from "accounts" where "portal_id" = $1\nparams: ab\u0000cd`), {
      name: "DrizzleQueryError",
    });
    const message = await messageOf(asSessionUser(() => Promise.reject(dbError)));
    expect(message).toBe("Sign-in failed. Please try again.");
    expect(message).not.toMatch(leaks);
  });
});
