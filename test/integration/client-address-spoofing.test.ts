import { randomUUID } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth-options";
import { parseTrustedProxies } from "@/lib/env/trusted-proxies";
import { withClientAddress } from "../../scripts/launcher/with-client-address";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string | string[] | undefined> }) => Promise<unknown>;
const provider = (authOptions().providers as unknown as { options: { id?: string; authorize: Authorize } }[]).find((p) => p.options.id === "password")!;

/**
 * The portal's web server's front (withClientAddress, on a real socket) in
 * front of the password provider's own authorize(), which sees the request's
 * headers as next-auth hands them over: what a client sends travels as it
 * would to the portal.
 */
async function startPortalFront(trustedProxies: string): Promise<Server> {
  const server = createServer(
    withClientAddress(async (req, res) => {
      const body = await new Promise<string>((resolve) => {
        let text = "";
        req
          .setEncoding("utf8")
          .on("data", (chunk: string) => (text += chunk))
          .on("end", () => resolve(text));
      });
      const outcome = await provider.options.authorize(JSON.parse(body), { headers: req.headers }).then(
        () => "signed in",
        (e: Error) => e.message,
      );
      res.end(outcome);
    }, parseTrustedProxies(trustedProxies)),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** A sign-in from a loopback address of our choosing, with the headers the client chooses. */
function signIn(server: Server, from: string, headers: Record<string, string>): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", localAddress: from, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res
        .setEncoding("utf8")
        .on("data", (chunk: string) => (text += chunk))
        .on("end", () => resolve(text));
    });
    req.on("error", reject).end(JSON.stringify({ portalId: `ghost-${randomUUID()}@x`, password: "guess" }));
  });
}

// A loopback address of this test's own (all of 127/8 is loopback), so no other test shares its count.
const loopback = () => `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const wrong = "The portal ID or password is incorrect.";

describe("the per-address sign-in limit and X-Forwarded-For", () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  it("counts 30 sign-ins from one client towards one address, whatever X-Forwarded-For and address header each claims", async () => {
    server = await startPortalFront("");
    const from = loopback();
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await signIn(server, from, { "x-forwarded-for": `198.51.100.${i}`, "x-switchboard-client-address": `203.0.113.${i}` }));
    }
    expect(outcomes.filter((o) => o === wrong)).toHaveLength(10);
    expect(outcomes.slice(10).every((o) => /Too many failed sign-in attempts/.test(o))).toBe(true);
  });

  it("believes X-Forwarded-For from a trusted proxy, so the clients behind it count apart", async () => {
    const proxy = loopback();
    server = await startPortalFront(proxy);
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await signIn(server, proxy, { "x-forwarded-for": `6.6.6.6, 198.51.${Math.floor(Math.random() * 250)}.${i}` }));
    }
    expect(outcomes.every((o) => o === wrong)).toBe(true);
  });
});
