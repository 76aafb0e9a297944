import { randomUUID } from "node:crypto";
import type { Session, User } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/actor";
import { actorOfSession } from "@/lib/auth/actor-of-session";
import { authOptions } from "@/lib/auth/auth-options";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { changePassword } from "@/lib/profile/change-password";
import { signOutEverywhere } from "@/lib/profile/sign-out-everywhere";
import { deleteUser } from "@/lib/users/delete-user";
import { updateUser } from "@/lib/users/update-user";
import { createCustomerWithManager, createTestUser, testPassword } from "../support/factories";

const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

/** A session as next-auth makes it at sign-in: the jwt callback, then the session callback, exactly as configured. */
async function sessionFor(actor: Actor): Promise<Session> {
  const { callbacks } = authOptions();
  const user = { id: actor.accountId, name: actor.name, role: actor.role, customerId: actor.customerId } as User;
  const token = (await callbacks!.jwt!({ token: {} as JWT, user, account: null, trigger: "signIn" })) as JWT;
  return callbacks!.session!({ session: { expires: "" } as Session, token, user } as never) as Promise<Session>;
}

const signIn = (portalId: string, password = testPassword) => signInWithPassword({ portalId, password, clientAddress: address() });

describe("a session ends with its login's session version", () => {
  it("a password change ends every session of the login, and a new sign-in gets a working one", async () => {
    const manager = await createCustomerWithManager();
    const laptop = await sessionFor(await signIn(manager.portalId));
    const phone = await sessionFor(await signIn(manager.portalId));
    expect(await actorOfSession(laptop)).toMatchObject({ accountId: manager.accountId });

    await changePassword(manager, { currentPassword: testPassword, newPassword: "a-brand-new-password" });
    expect(await actorOfSession(laptop)).toBeNull();
    expect(await actorOfSession(phone)).toBeNull();

    const fresh = await sessionFor(await signIn(manager.portalId, "a-brand-new-password"));
    expect(await actorOfSession(fresh)).toMatchObject({ accountId: manager.accountId, role: "manager" });
  });

  it("sign-out of all sessions ends them all; another login's sessions go on", async () => {
    const manager = await createCustomerWithManager();
    const other = await createCustomerWithManager();
    const mine = await sessionFor(await signIn(manager.portalId));
    const theirs = await sessionFor(await signIn(other.portalId));
    await signOutEverywhere(manager);
    expect(await actorOfSession(mine)).toBeNull();
    expect(await actorOfSession(theirs)).toMatchObject({ accountId: other.accountId });
  });

  it("a password set by the manager ends the user's sessions; deleting the user ends them too", async () => {
    const manager = await createCustomerWithManager();
    const user = await createTestUser(manager);
    const session = await sessionFor(await signIn(user.portalId));
    expect(await actorOfSession(session)).not.toBeNull();
    await updateUser(manager, {
      id: user.id,
      name: "Test User",
      email: null,
      extension: null,
      site: null,
      groupMemberType: null,
      package: null,
      userType: null,
      aadLink: "unchanged",
      password: "set-by-the-manager",
    });
    expect(await actorOfSession(session)).toBeNull();

    const again = await sessionFor(await signIn(user.portalId, "set-by-the-manager"));
    // Saving without a new password leaves sessions alone.
    await updateUser(manager, {
      id: user.id,
      name: "Renamed",
      email: null,
      extension: null,
      site: null,
      groupMemberType: null,
      package: null,
      userType: null,
      aadLink: "unchanged",
      password: undefined,
    });
    expect(await actorOfSession(again)).toMatchObject({ name: "Renamed" });
    await deleteUser(manager, { userId: user.id });
    expect(await actorOfSession(again)).toBeNull();
  });

  it("a token from before session versions (none in it) is no session", async () => {
    const manager = await createCustomerWithManager();
    expect(await actorOfSession({ accountId: manager.accountId })).toBeNull();
  });
});

describe("the current-password check of a password change", () => {
  it("checks at most 10 of 30 simultaneous wrong current passwords, then refuses even the right one", async () => {
    const manager = await createCustomerWithManager();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        changePassword(manager, { currentPassword: "a-wrong-guess", newPassword: "attacker-password-1" }).then(
          () => "changed",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "invalid_input")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(20);
    await expect(changePassword(manager, { currentPassword: testPassword, newPassword: "attacker-password-1" })).rejects.toMatchObject({
      code: "rate_limited",
    });
    // The lockout is the password change's own: signing in still works.
    await expect(signIn(manager.portalId)).resolves.toMatchObject({ accountId: manager.accountId });
  });
});
