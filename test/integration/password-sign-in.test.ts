import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createCustomerWithManager, testPassword } from "../support/factories";

const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function failTimes(n: number, portalId: string, clientAddress: string) {
  for (let i = 0; i < n; i++) {
    await signInWithPassword({ portalId, password: "wrong-password", clientAddress }).catch(() => undefined);
  }
}

describe("password sign-in", () => {
  it("signs in with the right password, case-insensitively on the portal ID", async () => {
    const manager = await createCustomerWithManager();
    const actor = await signInWithPassword({ portalId: manager.portalId.toUpperCase(), password: testPassword, clientAddress: address() });
    expect(actor).toMatchObject({ accountId: manager.accountId, role: "manager", customerId: manager.customerId });
  });

  it("answers a wrong password and an unknown portal ID with the same message", async () => {
    const manager = await createCustomerWithManager();
    const wrong = await signInWithPassword({ portalId: manager.portalId, password: "nope", clientAddress: address() }).catch((e) => e);
    const unknown = await signInWithPassword({ portalId: `ghost-${randomUUID()}@x`, password: "nope", clientAddress: address() }).catch((e) => e);
    expect(wrong.code).toBe("unauthenticated");
    expect(unknown.code).toBe("unauthenticated");
    expect(wrong.message).toBe(unknown.message);
  });

  it("locks a portal ID after 10 failures, even with the right password, and says so the same way for unknown IDs", async () => {
    const manager = await createCustomerWithManager();
    await failTimes(10, manager.portalId, address());
    const locked = await signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: address() }).catch((e) => e);
    expect(locked.code).toBe("rate_limited");
    expect(locked.message).toMatch(/Too many failed sign-in attempts/);

    const ghost = `ghost-${randomUUID()}@x`;
    await failTimes(10, ghost, address());
    const ghostLocked = await signInWithPassword({ portalId: ghost, password: "x", clientAddress: address() }).catch((e) => e);
    expect(ghostLocked.code).toBe("rate_limited");
    expect(ghostLocked.message).toBe(locked.message);
  });

  it("locks a client address that tries many portal IDs", async () => {
    const manager = await createCustomerWithManager();
    const attacker = address();
    for (let i = 0; i < 10; i++) {
      await signInWithPassword({ portalId: `guess-${i}-${randomUUID()}@x`, password: "x", clientAddress: attacker }).catch(() => undefined);
    }
    const fromAttacker = await signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: attacker }).catch((e) => e);
    expect(fromAttacker.code).toBe("rate_limited");
    // The real owner, elsewhere, is not locked out by someone else's guessing.
    await expect(signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: address() })).resolves.toBeDefined();
  });

  it("clears the portal ID's count after a successful sign-in", async () => {
    const manager = await createCustomerWithManager();
    await failTimes(9, manager.portalId, address());
    await signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: address() });
    await failTimes(9, manager.portalId, address());
    await expect(signInWithPassword({ portalId: manager.portalId, password: testPassword, clientAddress: address() })).resolves.toBeDefined();
  });
});
