import { describe, expect, it, vi } from "vitest";
import { ListingBudget } from "@/lib/connectors/entra/listing-budget";
import { listingPages } from "@/lib/connectors/entra/listing-pages";
import { PageCharges } from "@/lib/connectors/entra/page-charges";
import { fakeGraphClient } from "../../support/fake-graph-client";

describe("the process's listing budget", () => {
  it("lets pages in while they fit, first come first served, and a page larger than the whole alone", async () => {
    const budget = new ListingBudget(1000);
    const started: string[] = [];
    const take = (name: string, people: number) => budget.take(people).then((giveBack) => (started.push(name), giveBack));

    const first = await take("first 999", 999);
    const second = take("second 999", 999);
    // Small enough to fit, but behind a larger one: it waits its turn.
    const small = take("small 1", 1);
    await Promise.resolve();
    expect(started).toEqual(["first 999"]);

    first();
    const [giveSecond, giveSmall] = await Promise.all([second, small]);
    expect(started).toEqual(["first 999", "second 999", "small 1"]);
    // Given back twice is given back once.
    giveSecond();
    giveSecond();
    const huge = take("huge 5000", 5000);
    await Promise.resolve();
    expect(started).toHaveLength(3);
    giveSmall();
    const giveHuge = await huge;
    expect(started.at(-1)).toBe("huge 5000");
    const after = take("after 1", 1);
    await Promise.resolve();
    expect(started).toHaveLength(4);
    giveHuge();
    await after;
    expect(started.at(-1)).toBe("after 1");
  });
});

describe("the listing requests a process sends at once", () => {
  const settle = () => new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)));
  /** How many requests a fresh budget lets out before one has to wait. */
  const sentAtOnce = async (budget: ListingBudget) => {
    for (let sent = 0; ; sent++) if (!(await Promise.race([budget.send(), settle()]))) return sent;
  };

  it("are three budgets' worth of pages, at least two; the next goes out when one is given back", async () => {
    expect(await sentAtOnce(new ListingBudget(2000))).toBe(7);
    expect(await sentAtOnce(new ListingBudget(1))).toBe(2);
    const budget = new ListingBudget(999);
    const sent = await Promise.all([budget.send(), budget.send(), budget.send()]);
    const started: string[] = [];
    void budget.send().then(() => started.push("fourth"));
    void budget.send().then(() => started.push("fifth"));
    await settle();
    expect(started).toEqual([]);
    // Given back twice is given back once.
    sent[0]!();
    sent[0]!();
    await settle();
    expect(started).toEqual(["fourth"]);
  });

  it("wait, unsent, while the answers already asked for wait for the budget; a failed answer gives its place back", async () => {
    let fail = true;
    const { client, requests } = fakeGraphClient(() =>
      fail ? Object.assign(new Error("bad request"), { statusCode: 400, code: "Request_BadRequest" }) : { value: [{ id: "user-1" }] },
    );
    const budget = new ListingBudget(10, 2);
    const elsewhere = await budget.take(10);
    const listing = (letter: string) =>
      listingPages(client, { filters: [`startswith(userPrincipalName,'${letter}')`], budget, firstPage: 5, held: new PageCharges() });
    await expect(listing("x").next()).rejects.toMatchObject({ code: "Request_BadRequest" });
    fail = false;
    const pages = ["a", "b", "c"].map((letter) => listing(letter).next());
    await vi.waitFor(() => expect(requests).toHaveLength(3));
    await settle();
    // Two answers wait unread for the budget, and hold both places: the third listing's request is not sent.
    expect(requests).toHaveLength(3);
    elsewhere();
    // Admitted (five people each, the whole budget), they make way for the third.
    await Promise.all(pages.slice(0, 2));
    await vi.waitFor(() => expect(requests).toHaveLength(4));
  });
});

describe("a listing closed while its page waits for the budget", () => {
  it("gives the page's charge back once granted, and asks Graph for no further page", async () => {
    const { client, requests } = fakeGraphClient(() => ({ value: [{ id: "user-1" }], "@odata.nextLink": "/users?next" }));
    const budget = new ListingBudget(10);
    const elsewhere = await budget.take(10);
    const listing = listingPages(client, { filters: ["startswith(userPrincipalName,'a')"], budget, firstPage: 5, held: new PageCharges() });
    const first = listing.next();
    // Graph has answered; the answer waits unread for the budget.
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await listing.return!();
    elsewhere();
    expect(await first).toEqual({ done: true, value: undefined });
    // The whole budget is free again: a charge of all of it starts at once.
    let started = false;
    void budget.take(10).then(() => (started = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(true);
    expect(await listing.next()).toEqual({ done: true, value: undefined });
    expect(requests).toHaveLength(1);
  });

  it("reads no answer before the budget has room: the request is made, the page waits", async () => {
    const { client, requests } = fakeGraphClient(() => ({ value: [{ id: "user-1" }] }));
    const budget = new ListingBudget(10);
    const elsewhere = await budget.take(10);
    const held = new PageCharges();
    const listing = listingPages(client, { filters: ["startswith(userPrincipalName,'a')"], budget, firstPage: 5, held });
    let read = false;
    const first = listing.next().then((page) => ((read = true), page));
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(read).toBe(false);
    elsewhere();
    expect((await first).value).toEqual([expect.objectContaining({ id: "user-1" })]);
  });
});

describe("a listing page's charge", () => {
  const pageOf = (n: number) => ({ value: Array.from({ length: n }, (_, i) => ({ id: `user-${i}` })), "@odata.nextLink": "/users?next" });
  const { client } = fakeGraphClient(() => pageOf(4));
  const startsOnce = (budget: ListingBudget, people: number) => {
    const started = { now: false };
    void budget.take(people).then(() => (started.now = true));
    return started;
  };
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it("stays held with the page, carried to what it was mapped to, until the walk gives it back", async () => {
    const budget = new ListingBudget(10);
    const held = new PageCharges();
    const listing = listingPages(client, { filters: ["startswith(userPrincipalName,'a')"], budget, firstPage: 10, held });
    const page = (await listing.next()).value as object[];
    // Taken from the listing, and even the listing asked for its next page: the 10 people charged are still held.
    const mapped = page.map((user) => ({ ...user }));
    held.move(page, mapped);
    const other = startsOnce(budget, 10);
    await settle();
    expect(other.now).toBe(false);
    held.release(page);
    await settle();
    expect(other.now).toBe(false);
    held.release(mapped);
    await settle();
    expect(other.now).toBe(true);
  });

  it("is given back when the walk is over, and a page arriving after that gives its charge back at once", async () => {
    const budget = new ListingBudget(10);
    const held = new PageCharges();
    const listing = listingPages(client, { filters: ["startswith(userPrincipalName,'a')"], budget, firstPage: 6, held });
    await listing.next();
    // Charged the size of the page before (4): on its way when the walk ends.
    const late = listing.next();
    held.releaseAll();
    expect((await late).done).toBe(false);
    const whole = startsOnce(budget, 10);
    await settle();
    expect(whole.now).toBe(true);
  });
});
