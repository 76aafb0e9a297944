import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createCustomerWithManager, testPassword } from "../support/factories";

// Each guess from its own address, so it is the portal ID's limit (10) that is tested.
let next = 0;
const freshAddress = () => `192.0.2.${next++ % 250}-${randomUUID().slice(0, 8)}`;

/** Fires every guess at once; says how many were judged (right or wrong) and how many were refused as locked. */
async function burst(guesses: { portalId: string; password: string; clientAddress?: string }[]) {
  const outcomes = await Promise.all(
    guesses.map((g) =>
      signInWithPassword({ clientAddress: freshAddress(), ...g }).then(
        () => "signed in" as const,
        (e: { code?: string }) => e.code ?? String(e),
      ),
    ),
  );
  const count = (what: string) => outcomes.filter((o) => o === what).length;
  return {
    signedIn: count("signed in"),
    wrong: count("unauthenticated"),
    locked: count("rate_limited"),
    other: outcomes.filter((o) => !["signed in", "unauthenticated", "rate_limited"].includes(o)),
  };
}

describe("sign-in lockout under parallel guesses (limit 10)", () => {
  for (const n of [30, 60]) {
    it(`checks exactly 10 of ${n} simultaneous wrong guesses at one portal ID, and then refuses the right password`, async () => {
      const manager = await createCustomerWithManager();
      const result = await burst(Array.from({ length: n }, () => ({ portalId: manager.portalId, password: "wrong-password" })));
      expect(result).toEqual({ signedIn: 0, wrong: 10, locked: n - 10, other: [] });
      await expect(signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: freshAddress() })).rejects.toMatchObject({
        code: "rate_limited",
      });
    });
  }

  it("never checks more than 10 of 30 simultaneous guesses with the right password among them", async () => {
    const manager = await createCustomerWithManager();
    const guesses = Array.from({ length: 30 }, (_, i) => ({ portalId: manager.portalId, password: i === 29 ? testPassword : `wrong-${i}` }));
    const result = await burst(guesses);
    expect(result.other).toEqual([]);
    // The right password may be one of the 10 that are checked (then it signs in, and restarts the
    // count only for guesses reserved before it), or it is refused as locked like the rest.
    expect(result.signedIn + result.wrong + result.locked).toBe(30);
    if (result.signedIn === 0) expect(result.wrong).toBe(10);
    else expect(result.wrong).toBeLessThanOrEqual(19);
  });

  it("with 9 failures already counted, lets exactly one of 30 simultaneous guesses through", async () => {
    const manager = await createCustomerWithManager();
    for (let i = 0; i < 9; i++)
      await signInWithPassword({ portalId: manager.portalId, password: "wrong", clientAddress: freshAddress() }).catch(() => undefined);
    const result = await burst(Array.from({ length: 30 }, () => ({ portalId: manager.portalId, password: "wrong-password" })));
    expect(result).toEqual({ signedIn: 0, wrong: 1, locked: 29, other: [] });
  });

  it("checks exactly 10 of 30 simultaneous guesses at 30 different portal IDs from one address", async () => {
    const attacker = freshAddress();
    const result = await burst(Array.from({ length: 30 }, () => ({ portalId: `ghost-${randomUUID()}@x`, password: "x", clientAddress: attacker })));
    expect(result).toEqual({ signedIn: 0, wrong: 10, locked: 20, other: [] });
  });

  it("does not count a right password against the address", async () => {
    const manager = await createCustomerWithManager();
    const from = freshAddress();
    for (let i = 0; i < 12; i++) await signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: from });
    for (let i = 0; i < 9; i++) await signInWithPassword({ portalId: `ghost-${randomUUID()}@x`, password: "x", clientAddress: from }).catch(() => undefined);
    await expect(signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: from })).resolves.toBeDefined();
  });
});
