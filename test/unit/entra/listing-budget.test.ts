import { describe, expect, it } from "vitest";
import { ListingBudget } from "@/lib/connectors/entra/listing-budget";

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
