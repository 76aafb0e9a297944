import type { Client } from "@microsoft/microsoft-graph-client";
import { describe, expect, it } from "vitest";
import { ListingBudget } from "@/lib/connectors/entra/listing-budget";
import { listingPages } from "@/lib/connectors/entra/listing-pages";

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

describe("a listing closed while it waits for the budget", () => {
  it("gives its charge back once granted, and asks Graph nothing", async () => {
    const requests: string[] = [];
    const client = { api: (url: string) => (requests.push(url), { get: async () => ({ value: [] }) }) } as unknown as Client;
    const budget = new ListingBudget(10);
    const elsewhere = await budget.take(10);
    const listing = listingPages(client, { filters: ["startswith(userPrincipalName,'a')"], budget, firstPage: 5 });
    const first = listing.next();
    await listing.return!();
    elsewhere();
    expect(await first).toEqual({ done: true, value: undefined });
    // The whole budget is free again: a charge of all of it starts at once.
    let started = false;
    void budget.take(10).then(() => (started = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(true);
    expect(requests).toEqual([]);
  });
});
