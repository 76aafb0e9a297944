// First: Next's request scope (see runAs) needs its AsyncLocalStorage before any Next module loads.
import { runAs } from "../../support/signed-in";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/db/client";
import { hashPassword } from "@/lib/accounts/password";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { defineCustomerRoute } from "@/lib/actions/define-route";
import type { CustomerActor } from "@/lib/actor";
import { logger } from "@/lib/logger";
import { serializeError } from "@/lib/logging/serialize-error";
import { createCustomerWithManager } from "../../support/factories";
import { leaksIn } from "./hostile-values";

/**
 * When the lib throws a database error — here a real failed statement run
 * with an argon2 hash as its parameter — the action and the route answer a
 * generic message; the detail goes only to the log, and the log line itself
 * carries neither the parameter nor the hash.
 */
describe("a database error behind an action or a route", () => {
  let manager: CustomerActor;
  let hash: string;
  const failingStatement = () => db().execute(sql`update accounts set password_hash = ${hash} where id = ${"not-a-uuid"}::uuid`);

  beforeAll(async () => {
    manager = await createCustomerWithManager();
    hash = await hashPassword("nobody-may-read-this");
  });
  afterEach(() => vi.restoreAllMocks());

  it("is a generic message from a server action, with the detail only in the log", async () => {
    const logged = vi.spyOn(logger, "error");
    const action = defineCustomerAction({ permission: "profile:edit", input: z.object({}) }, async () => {
      await failingStatement();
    });
    const state = await runAs(manager, () => action({ status: "idle" }, new FormData()));
    expect(state).toEqual({ status: "error", message: "Something went wrong. Please try again." });
    expect(logged).toHaveBeenCalledTimes(1);
    const [fields] = logged.mock.calls[0] as unknown as [{ err: Error }];
    expect(fields.err.message).toContain("update accounts"); // the detail is in the log…
    const line = JSON.stringify(serializeError(fields.err));
    expect(line).toContain("update accounts");
    expect(line).not.toContain(hash); // …but not the hash it was run with
  });

  it("is a generic 500 from a route handler, with no SQL, stack or parameter in the body", async () => {
    vi.spyOn(logger, "error");
    const GET = defineCustomerRoute({ permission: "users:manage" }, async () => {
      await failingStatement();
      return Response.json({});
    });
    const response = await runAs(manager, () => GET(new Request("http://localhost/api/x"), { params: Promise.resolve({}) }));
    const body = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(body)).toEqual({ error: "Something went wrong. Please try again." });
    expect(leaksIn(body)).toEqual([]);
  });
});
