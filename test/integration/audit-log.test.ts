import { beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { pageSize } from "@/lib/pagination";
import { createCustomerWithManager, createOperator, createTestUser, unique } from "../support/factories";

type Manager = Awaited<ReturnType<typeof createCustomerWithManager>>;

describe("the audit log screens' reading", () => {
  let a: Manager;
  let b: Manager;
  const aUser = `audit-a-${unique()}`;
  const bUser = `audit-b-${unique()}`;

  beforeAll(async () => {
    const operator = await createOperator();
    [a, b] = [await createCustomerWithManager(operator), await createCustomerWithManager(operator)];
    await createTestUser(a, { localPart: aUser });
    await createTestUser(b, { localPart: bUser });
  });

  it("shows a manager their own company's records only, newest first, with who did it", async () => {
    const log = await listAuditLog({ scope: { customerId: a.customerId } });
    expect(log.rows.map((r) => r.action)).toEqual(["user.create", "customer.create"]);
    expect(log.rows[0]).toMatchObject({ actorPortalId: a.portalId, actorName: "Boss", targetType: "account", companyName: `Customer ${a.slug}` });
    expect(JSON.stringify(log.rows)).not.toContain(bUser);
    // Another company's search term finds nothing in this one.
    expect((await listAuditLog({ scope: { customerId: a.customerId }, q: bUser })).total).toBe(0);
  });

  it("shows the operator every company's records, searchable by company", async () => {
    const bySlug = await listAuditLog({ scope: "all-customers", q: b.slug });
    expect(bySlug.rows.length).toBeGreaterThan(0);
    expect(bySlug.rows.every((r) => r.companyName === `Customer ${b.slug}`)).toBe(true);
    const both = await listAuditLog({ scope: "all-customers", q: "audit-" });
    expect(JSON.stringify(both.rows)).toContain(aUser);
    expect(JSON.stringify(both.rows)).toContain(bUser);
  });

  it("pages, and a page past the end is the last page; hostile search text finds nothing and breaks nothing", async () => {
    for (let i = 0; i < pageSize; i++) await createTestUser(a, { localPart: `audit-page-${i}-${unique()}` });
    const last = await listAuditLog({ scope: { customerId: a.customerId }, page: 99_999 });
    expect(last).toMatchObject({ total: pageSize + 2, page: 2, pageCount: 2 });
    expect(last.rows.map((r) => r.action)).toEqual(["user.create", "customer.create"]);
    for (const q of ["%", "_", "\\", "' or 1=1 --"]) expect((await listAuditLog({ scope: { customerId: a.customerId }, q })).total).toBe(0);
  });
});
