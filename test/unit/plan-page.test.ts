import { describe, expect, it } from "vitest";
import { fromGraph, type DeltaItem, type GraphFilter } from "@/lib/connectors/entra/graph-user";
import { fieldChanges, planPage, type ExistingEntry, type PlanOptions } from "@/lib/sync/plan-page";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const user = (n: number, extra: Partial<DeltaItem> = {}): DeltaItem => ({
  id: id(n),
  userPrincipalName: `u${n}@contoso.example`,
  displayName: `User ${n}`,
  givenName: "User",
  surname: String(n),
  mail: `u${n}@contoso.example`,
  businessPhones: ["+1 425 555 0100", "+1 425 555 0101"],
  mobilePhone: null,
  jobTitle: null,
  department: null,
  accountEnabled: true,
  userType: "Member",
  ...extra,
});
const existing = (n: number, extra: Partial<ExistingEntry> = {}): ExistingEntry => ({
  id: `entry-${n}`,
  key: id(n),
  userPrincipalName: `u${n}@contoso.example`,
  firstName: "User",
  lastName: String(n),
  displayName: `User ${n}`,
  email: `u${n}@contoso.example`,
  officePhone: "+1 425 555 0100",
  mobilePhone: null,
  jobTitle: null,
  department: null,
  accountName: null,
  attributes: { businessPhones: ["+1 425 555 0100", "+1 425 555 0101"] },
  officePhoneE164: "+14255550100",
  mobilePhoneE164: null,
  phonesE164: ["+14255550100", "+14255550101"],
  unparsedPhones: [],
  status: "active",
  source: "entra",
  ...extra,
});
type Options = GraphFilter & PlanOptions;
const everyone: Options = { skipGuests: true, skipDisabled: false, members: null };
const index = (...entries: ExistingEntry[]) => new Map(entries.map((e) => [e.key, e]));
/** Graph's items through the Entra connector's mapping, then planned. */
const planGraph = (items: DeltaItem[], current: ReadonlyMap<string, ExistingEntry>, options: Options) =>
  planPage(
    items.map((item) => fromGraph(item, options, null)),
    current,
    options,
    "entra",
  );

describe("fieldChanges", () => {
  it("lists every field with a value for a new entry, and only the differences for an existing one", () => {
    const write = { ...fromGraph(user(1), everyone, null).fields, key: id(1), status: "active" as const };
    expect(fieldChanges(null, write)).toEqual({
      userPrincipalName: [null, "u1@contoso.example"],
      firstName: [null, "User"],
      lastName: [null, "1"],
      displayName: [null, "User 1"],
      email: [null, "u1@contoso.example"],
      officePhone: [null, "+1 425 555 0100"],
      status: [null, "active"],
      "attributes.businessPhones": [null, ["+1 425 555 0100", "+1 425 555 0101"]],
      // Written in international form, the numbers read as E.164 even without a company country.
      officePhoneE164: [null, "+14255550100"],
      phonesE164: [null, ["+14255550100", "+14255550101"]],
    });
    expect(fieldChanges(existing(1), { ...write, email: null })).toEqual({ email: ["u1@contoso.example", null] });
  });
});

describe("the attributes", () => {
  const withAttributes = (attributes: Record<string, string | string[]>) => existing(1, { attributes });
  const phones = ["+1 425 555 0100", "+1 425 555 0101"];

  it("are mapped from Graph with only the values there are, the manager's ID in lower case, and the extension attributes that hold one", () => {
    const item = user(1, {
      officeLocation: "18/2111",
      employeeId: "",
      companyName: "Contoso",
      city: null,
      country: "  ",
      onPremisesExtensionAttributes: { extensionAttribute1: "1234", extensionAttribute2: null, extensionAttribute3: "", extensionAttribute15: "x" },
      "manager@delta": [{ id: "ABCDEF00-0000-4000-8000-000000000001" }],
    });
    expect(fromGraph(item, everyone, null).fields.attributes).toEqual({
      officeLocation: "18/2111",
      companyName: "Contoso",
      manager: "abcdef00-0000-4000-8000-000000000001",
      extensionAttribute1: "1234",
      extensionAttribute15: "x",
      businessPhones: phones,
    });
    // A manager taken away is an entry marked @removed; none left is no manager.
    expect(fromGraph(user(1, { "manager@delta": [{ id: id(9), "@removed": { reason: "deleted" } }] }), everyone, null).fields.attributes).not.toHaveProperty(
      "manager",
    );
    // Hostile shapes are ignored, not thrown on.
    const odd = {
      onPremisesExtensionAttributes: "x",
      "manager@delta": [null, 5, { id: 7 }],
      businessPhones: [null, "", "+1"],
    } as unknown as Partial<DeltaItem>;
    expect(fromGraph(user(1, odd), everyone, null).fields.attributes).toEqual({ businessPhones: ["+1"] });
  });

  it("in another key order are no change; a change of one attribute alone is an update recorded by its key", () => {
    const current = withAttributes({ manager: id(7), officeLocation: "1/1", businessPhones: phones });
    const same = user(1, { officeLocation: "1/1", "manager@delta": [{ id: id(7) }] });
    expect(planGraph([same], index(current), everyone).counts.unchanged).toBe(1);

    const moved = planGraph([user(1, { officeLocation: "1/1", "manager@delta": [{ id: id(8) }] })], index(current), everyone);
    expect(moved.counts.updated).toBe(1);
    expect(moved.changes[0]!.fields).toEqual({ "attributes.manager": [id(7), id(8)] });
    expect(moved.updates[0]!.attributes).toEqual({ officeLocation: "1/1", manager: id(8), businessPhones: phones });

    // A list's order matters (the first business phone is the office phone); an attribute gone is recorded as gone.
    const reordered = planGraph([user(1, { businessPhones: [...phones].reverse() })], index(withAttributes({ businessPhones: phones })), everyone);
    expect(reordered.changes[0]!.fields["attributes.businessPhones"]).toEqual([phones, [...phones].reverse()]);
    const gone = planGraph([user(1)], index(withAttributes({ businessPhones: phones, city: "Redmond" })), everyone);
    expect(gone.changes[0]!.fields).toEqual({ "attributes.city": ["Redmond", null] });
  });
});

describe("planPage", () => {
  it("creates new users with the first business phone as the office phone", () => {
    const plan = planGraph([user(1)], new Map(), everyone);
    expect(plan.counts.created).toBe(1);
    expect(plan.creates[0]).toMatchObject({ officePhone: "+1 425 555 0100", firstName: "User", lastName: "1", status: "active" });
    // A created entry is recorded as written (with the page's others), not as a change of its own.
    expect(plan).toMatchObject({ updates: [], changes: [] });
  });

  it("writes nothing for an unchanged user, and only changed fields are recorded", () => {
    expect(planGraph([user(1)], index(existing(1)), everyone)).toMatchObject({ creates: [], updates: [], counts: { unchanged: 1 } });
    const plan = planGraph([user(1, { surname: "Renamed" })], index(existing(1)), everyone);
    expect(plan.changes).toEqual([{ objectId: id(1), displayName: "User 1", kind: "updated", fields: { lastName: ["1", "Renamed"] } }]);
    expect(plan.updates).toEqual([expect.objectContaining({ key: id(1), lastName: "Renamed" })]);
  });

  it("disables, re-enables and restores by status", () => {
    expect(planGraph([user(1, { accountEnabled: false })], index(existing(1)), everyone).changes[0]).toMatchObject({
      kind: "disabled",
      fields: { status: ["active", "disabled"] },
    });
    expect(planGraph([user(1)], index(existing(1, { status: "disabled" })), everyone).changes[0]!.kind).toBe("enabled");
    expect(planGraph([user(1)], index(existing(1, { status: "removed" })), everyone).changes[0]!.kind).toBe("restored");
  });

  it("never writes removals per page: they wait for the end of the run", () => {
    const plan = planGraph([{ id: id(1), "@removed": { reason: "deleted" } }], index(existing(1)), everyone);
    expect(plan).toMatchObject({ creates: [], updates: [] });
    expect(plan.removals).toEqual([{ objectId: id(1), entryId: "entry-1", displayName: "User 1" }]);
  });

  it("keeps the last delivery when a user arrives twice in one page", () => {
    const plan = planGraph([user(1, { surname: "First" }), user(1, { surname: "Second" })], new Map(), everyone);
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0]!.lastName).toBe("Second");
  });

  it("skips guests, users outside the chosen groups, and new disabled users when asked", () => {
    const options: Options = { skipGuests: true, skipDisabled: true, members: new Set([id(1), id(2), id(3)]) };
    const plan = planGraph([user(1), user(2, { userType: "Guest" }), user(3, { accountEnabled: false }), user(4)], new Map(), options);
    expect(plan.creates.map((w) => w.key)).toEqual([id(1)]);
    expect(plan.counts.skipped).toBe(3);
    // An entry that is already listed shows as disabled rather than vanishing.
    expect(planGraph([user(3, { accountEnabled: false })], index(existing(3)), options).changes[0]!.kind).toBe("disabled");
  });

  it("lets no connector take over another connector's entry", () => {
    const imported = { ...fromGraph(user(1, { surname: "From AD" }), everyone, null), filteredOut: false };
    const plan = planPage([imported], index(existing(1)), everyone, "active-directory");
    expect(plan).toMatchObject({ creates: [], updates: [], changes: [], counts: { skipped: 1 } });
  });

  it("never touches an entry that another source owns", () => {
    const plan = planGraph([user(1, { surname: "Changed" })], index(existing(1, { source: "scim" })), everyone);
    expect(plan).toMatchObject({ creates: [], updates: [] });
    expect(plan.counts.skipped).toBe(1);
  });

  it("does not count as unchanged what the same run already wrote (an attempt before a retry), only what it did not", async () => {
    const runId = "run-1";
    const current = index(existing(1, { lastRunId: runId }), existing(2, { lastRunId: "an-earlier-run" }), existing(3, { lastRunId: null }));
    const plan = planGraph([user(1), user(2), user(3)], current, { ...everyone, runId });
    expect(plan.counts).toEqual({ created: 0, updated: 0, disabled: 0, unchanged: 2, skipped: 0 });
    expect(plan.seen).toHaveLength(3);
    // Simulate writes nothing and passes no run: everything unchanged is counted.
    expect(planGraph([user(1), user(2), user(3)], current, everyone).counts.unchanged).toBe(3);
  });
});
