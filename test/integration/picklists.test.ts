import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { getPicklists } from "@/lib/picklists/get-picklists";
import { savePicklists } from "@/lib/picklists/save-picklists";
import { getUser } from "@/lib/users/get-user";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { createUserInput, updateUserInput } from "@/lib/validation/account-input";
import { savePicklistsInput } from "@/lib/validation/picklist-input";
import { createCustomerWithManager, createOperator, testPassword, unique } from "../support/factories";

const lists = (packages: string, userTypes = "", sites = "") => savePicklistsInput.parse({ packages, userTypes, sites });

describe("a company's packages, user types and sites", () => {
  let a: CustomerActor;
  let b: CustomerActor;
  const newUser = (actor: CustomerActor, fields: Record<string, string>) =>
    createUser(actor, createUserInput.parse({ localPart: `p-${unique()}`, password: testPassword, name: "Pick List", aadLink: "none", ...fields }));

  beforeAll(async () => {
    [a, b] = [await createCustomerWithManager(), await createCustomerWithManager()];
  });

  it("keeps each list in the order written, without blanks or repeats, apart from another company's", async () => {
    await savePicklists(a, { customerId: a.customerId, ...lists("Pro\r\n\n  Basic  \nPro\n__proto__\n", "Agent\nSupervisor") });
    expect(await getPicklists({ customerId: a.customerId })).toEqual({ package: ["Pro", "Basic", "__proto__"], user_type: ["Agent", "Supervisor"], site: [] });
    expect(await getPicklists({ customerId: b.customerId })).toEqual({ package: [], user_type: [], site: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a value not in the list on its field; a field without a list takes any text", async () => {
    await savePicklists(a, { customerId: a.customerId, ...lists("Pro\nBasic", "Agent") });
    await expect(newUser(a, { package: "Gold" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { package: "Choose a package from your company's list." },
    });
    await expect(newUser(a, { package: "Pro", userType: "Boss" })).rejects.toMatchObject({ fieldErrors: { userType: expect.any(String) } });
    // Another company's list is not this one's.
    await expect(newUser(b, { package: "Gold" })).resolves.toMatchObject({ id: expect.any(String) });
    const user = await newUser(a, { package: "Pro", userType: "Agent", site: "Anywhere at all" });
    expect(await getUser({ customerId: a.customerId, userId: user.id })).toMatchObject({ package: "Pro", userType: "Agent", site: "Anywhere at all" });
  });

  it("lets a user keep a value taken off the list, but not take another one that is not on it", async () => {
    await savePicklists(a, { customerId: a.customerId, ...lists("") });
    const user = await newUser(a, { package: "Legacy" });
    await savePicklists(a, { customerId: a.customerId, ...lists("Pro\nBasic") });
    const update = (fields: Record<string, string>) =>
      updateUser(a, updateUserInput.parse({ id: user.id, name: "Pick List", aadLink: "unchanged", package: "Legacy", ...fields }));
    await expect(update({ name: "Renamed" })).resolves.toBeUndefined();
    await expect(update({ package: "Other" })).rejects.toMatchObject({ fieldErrors: { package: expect.any(String) } });
    await expect(update({ package: "Basic" })).resolves.toBeUndefined();
    expect(await getUser({ customerId: a.customerId, userId: user.id })).toMatchObject({ name: "Pick List", package: "Basic" });
    // Once changed, the old value is gone for good.
    await expect(update({ package: "Legacy" })).rejects.toMatchObject({ fieldErrors: { package: expect.any(String) } });
  });

  it("refuses lists no form should send, with a message on the field", () => {
    for (const [field, value] of [
      ["packages", "Pro\nBa\u0000sic"],
      ["userTypes", "x".repeat(81)],
      ["sites", Array.from({ length: 201 }, (_, i) => `Site ${i}`).join("\n")],
      ["packages", "x".repeat(20_000)],
      ["sites", "\u001b[2J"],
    ] as const) {
      const parsed = savePicklistsInput.safeParse({ packages: "", userTypes: "", sites: "", [field]: value });
      expect(parsed.success, `${field}: ${value.slice(0, 20)}`).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual([field]);
    }
  });

  it("are the operator's to set for any company too, recorded in that company's audit log", async () => {
    const operator = await createOperator();
    const c = await createCustomerWithManager();
    await savePicklists(operator, { customerId: c.customerId, ...lists("Enterprise", "", "Berlin\nLondon") });
    expect(await getPicklists({ customerId: c.customerId })).toEqual({ package: ["Enterprise"], user_type: [], site: ["Berlin", "London"] });
    const [entry] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, c.customerId), eq(auditLog.action, "company.picklists")));
    expect(entry).toMatchObject({ actorAccountId: operator.accountId, detail: { package: 1, user_type: 0, site: 2 } });
  });
});
