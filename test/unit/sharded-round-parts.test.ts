import { describe, expect, it } from "vitest";
import { mergePages } from "@/lib/connectors/entra/merge-pages";
import { shardFilters, upnFirstCharacters, uncoveredFilter } from "@/lib/connectors/entra/upn-shards";

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function* pages(name: string, count: number, delayMs: number) {
  for (let i = 0; i < count; i++) {
    await tick(delayMs);
    yield `${name}${i}`;
  }
}

describe("the parts of a sharded full round (issue 19)", () => {
  it("deals every allowed first character to exactly one listing, whatever the number of listings", () => {
    for (const n of [1, 2, 8, 43, 100]) {
      const filters = shardFilters(n);
      expect(filters).toHaveLength(Math.min(n, upnFirstCharacters.length));
      // At most 15 clauses to an `or`, as Graph allows; with fewer than 3 shards a shard reads several listings.
      for (const filter of filters.flat()) expect(filter.split(" or ").length).toBeLessThanOrEqual(15);
      const dealt = filters.flat().flatMap((f) => [...f.matchAll(/startswith\(userPrincipalName,'((?:[^']|'')+)'\)/g)].map((m) => m[1]!.replace(/''/g, "'")));
      expect(dealt.sort()).toEqual([...upnFirstCharacters].sort());
    }
    // The quote is doubled as OData escapes it; the cover check names every character once.
    expect(shardFilters(1)[0]!.join(" or ")).toContain("startswith(userPrincipalName,'''')");
    expect(uncoveredFilter()).toMatch(/^not\(startswith\(userPrincipalName,'j'\) or .*\) and not\(.*\) and not\(.* or startswith\(userPrincipalName,'~'\)\)$/);
  });

  it("merges page streams as their pages arrive, every page once, and fails with the first stream that fails", async () => {
    const merged: string[] = [];
    for await (const page of mergePages([pages("slow", 2, 30), pages("fast", 3, 5), pages("none", 0, 0)])) merged.push(page);
    expect([...merged].sort()).toEqual(["fast0", "fast1", "fast2", "slow0", "slow1"]);
    // The fast stream's pages do not wait for the slow one's.
    expect(merged.indexOf("fast2")).toBeLessThan(merged.indexOf("slow1"));

    async function* failing() {
      yield "ok";
      await tick(5);
      throw new Error("reset");
    }
    const seen: string[] = [];
    await expect(async () => {
      for await (const page of mergePages([failing(), pages("long", 5, 20)])) seen.push(page);
    }).rejects.toThrow("reset");
    expect(seen).toContain("ok");
  });
});
