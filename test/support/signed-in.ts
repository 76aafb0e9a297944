// First, as in Next.js's own server: its request scopes live in AsyncLocalStorage, made when its modules load.
import "next/dist/server/node-environment-baseline.js";
import { encode } from "next-auth/jwt";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies.js";
import type { Actor } from "@/lib/actor";
import { sessionVersionOf } from "@/lib/auth/session-version-of";

/**
 * Runs `call` as Next.js runs a server action or route handler for a signed-in
 * person: inside a request scope whose cookie is a real next-auth session
 * token for `actor`, signed with NEXTAUTH_SECRET. Everything after that is
 * the portal's own code — getServerSession decodes the cookie, getActor reads
 * the account from the database, defineAction checks the permission — so a
 * test calls the exported action or handler itself, not the lib beneath it.
 * Only Next's request scope is made here (Next's internal stores, as its own
 * request handling sets them up); `actor` null is a caller with no session.
 */
export async function runAs<T>(actor: Actor | null, call: () => Promise<T>): Promise<T> {
  const headers = new Headers();
  if (actor) {
    const token = await encode({
      secret: process.env.NEXTAUTH_SECRET!,
      // As a sign-in writes it: the account's current session version, so the session is live.
      token: {
        sub: actor.accountId,
        name: actor.name,
        accountId: actor.accountId,
        role: actor.role,
        customerId: actor.customerId,
        sessionVersion: await sessionVersionOf(actor.accountId),
      },
    });
    headers.set("cookie", `next-auth.session-token=${token}`);
  }
  const workStore = { route: "/hostile-input-test", page: "/hostile-input-test", forceStatic: false, dynamicShouldError: false, isStaticGeneration: false };
  const cookies = new RequestCookies(headers);
  const requestStore = { type: "request", phase: "action", headers, cookies, mutableCookies: cookies, userspaceMutableCookies: cookies };
  return workAsyncStorage.run(workStore as never, () => workUnitAsyncStorage.run(requestStore as never, call));
}
