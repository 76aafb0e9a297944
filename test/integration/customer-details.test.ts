// First: Next's request scope (see runAs) needs its AsyncLocalStorage before any Next module loads.
import { runAs } from "../support/signed-in";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateCustomerAction } from "@/app/(portal)/operator/customers/actions";
import { db } from "@/db/client";
import type { Actor } from "@/lib/actor";
import { auditLog, customers } from "@/db/schema";
import { connectors } from "@/lib/connectors/registry";
import { updateCompany } from "@/lib/customers/update-company";
import { updateCustomerInput } from "@/lib/validation/customer-input";
import { createCustomerWithManager, createOperator } from "../support/factories";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

describe("the operator edits a customer's name and time zone", () => {
  let operator: Actor;
  let customer: Awaited<ReturnType<typeof createCustomerWithManager>>;
  const save = (actor: Actor, values: Record<string, string>) => runAs(actor, () => updateCustomerAction({ status: "idle" }, form(values)));
  const stored = async () => (await db().select().from(customers).where(eq(customers.id, customer.customerId)))[0]!;

  beforeAll(async () => {
    operator = await createOperator();
    customer = await createCustomerWithManager(operator);
  });

  it("saves both, with an old zone name stored as the canonical one, in the customer's audit log", async () => {
    // The action's input as its form posts it, then the lib (runAs has no store for the action's revalidatePath).
    const input = updateCustomerInput.parse({ id: customer.customerId, name: " Renamed Ltd ", timeZone: "Asia/Calcutta" });
    await updateCompany(operator, { customerId: input.id, name: input.name, timeZone: input.timeZone }, Object.values(connectors));
    expect(await stored()).toMatchObject({ name: "Renamed Ltd", timeZone: "Asia/Kolkata" });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, customer.customerId), eq(auditLog.action, "company.update")));
    expect(audit).toMatchObject({ actorAccountId: operator.accountId, targetId: customer.customerId });
    expect(audit!.detail).toMatchObject({ fields: ["name", "timeZone"], timeZone: [expect.any(String), "Asia/Kolkata"] });
  });

  it("refuses a zone that is none, an empty name and hostile text with a message on the field, changing nothing", async () => {
    const before = await stored();
    for (const [values, field] of [
      [{ name: "Fine", timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ name: "Fine", timeZone: "__proto__" }, "timeZone"],
      [{ name: "", timeZone: "UTC" }, "name"],
      [{ name: "Bad\u0000Name", timeZone: "UTC" }, "name"],
      [{ name: "x".repeat(121), timeZone: "UTC" }, "name"],
    ] as const) {
      const state = await save(operator, { id: customer.customerId, ...values });
      expect(state).toMatchObject({ status: "error", fieldErrors: { [field]: expect.any(String) } });
    }
    expect(await stored()).toEqual(before);
  });

  it("answers an ID that is no customer's with 'not found', and a manager not at all", async () => {
    expect(await save(operator, { id: "00000000-0000-4000-8000-00000000dead", name: "Ghost", timeZone: "UTC" })).toMatchObject({
      status: "error",
      message: expect.stringMatching(/not found|no longer exists/i),
    });
    const other = await createCustomerWithManager(operator);
    expect(await save(other, { id: customer.customerId, name: "Taken over", timeZone: "UTC" })).toMatchObject({ status: "error" });
    expect((await stored()).name).toBe("Renamed Ltd");
  });
});
