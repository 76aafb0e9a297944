import type { APIRequestContext } from "@playwright/test";
import { expect, test, unique } from "./support/fixtures";

/** A password sign-in over HTTP as the sign-in page's script makes it; the answer's error, if any. */
async function signInError(request: APIRequestContext, portalId: string, headers: Record<string, string> = {}): Promise<string | null> {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/password", { form: { csrfToken, portalId, password: "a-guess", json: "true" }, headers });
  const { url } = await response.json();
  return new URL(url).searchParams.get("error");
}

test("a portal ID with a NUL or an absurd length is refused with the ordinary message, never the SQL", async ({ request, clientAddress }) => {
  const headers = { "x-forwarded-for": clientAddress };
  expect(await signInError(request, "boss\u0000@acme", headers)).toBe("Enter your portal ID and password.");
  expect(await signInError(request, "x".repeat(5_000), headers)).toBe("Enter your portal ID and password.");
  // A lone surrogate cannot cross HTTP: UTF-8 encoding turns it into U+FFFD, an ordinary (unknown) portal ID.
  expect(await signInError(request, "boss\uD800@acme", headers)).toBe("The portal ID or password is incorrect.");
});

test("the client address is the web server's to say: a client's own x-switchboard-client-address changes nothing", async ({ request, clientAddress }) => {
  // One client (the fixture's X-Forwarded-For, through the trusted loopback "proxy"), each guess claiming another address.
  const errors: (string | null)[] = [];
  for (let i = 0; i < 12; i++) {
    errors.push(
      await signInError(request, `ghost-${unique()}@nowhere`, { "x-forwarded-for": clientAddress, "x-switchboard-client-address": `203.0.113.${i}` }),
    );
  }
  expect(errors.slice(0, 10)).toEqual(Array(10).fill("The portal ID or password is incorrect."));
  expect(errors.slice(10).every((e) => e?.startsWith("Too many failed sign-in attempts"))).toBe(true);
});
