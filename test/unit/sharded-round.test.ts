import { describe, expect, it } from "vitest";
import { ListingBudget } from "@/lib/connectors/entra/listing-budget";
import { PageCharges } from "@/lib/connectors/entra/page-charges";
import { fullRoundPages } from "@/lib/connectors/entra/sharded-round";
import { fakeGraphClient } from "../support/fake-graph-client";

const anchor = "https://graph.example/v1.0/users/delta?$deltatoken=anchor";

async function collect(pages: AsyncIterable<{ items: { id: string }[]; deltaLink?: string }>) {
  const ids: string[] = [];
  let link: string | undefined;
  for await (const page of pages) {
    ids.push(...page.items.map((i) => i.id));
    link = page.deltaLink ?? link;
  }
  return { ids, link };
}

describe("a full round read as listings from a delta anchor", () => {
  it("reads every listing, then the changes since the anchor, and ends on the anchor's link", async () => {
    const { client, requests } = fakeGraphClient((url) => {
      if (url.includes("$deltatoken=latest")) return { value: [], "@odata.deltaLink": anchor };
      if (url === "/users/$count") return "3000";
      if (url.startsWith("/users/$count?$filter=")) return "0";
      if (url === anchor) return { value: [{ id: "renamed-meanwhile" }], "@odata.deltaLink": `${anchor}-later` };
      const letter = /startswith\(userPrincipalName,'(.)'\)/.exec(url)![1]!;
      return { value: [{ id: `user-${letter}`, manager: { id: "boss" } }] };
    });
    const { ids, link } = await collect(fullRoundPages({ client, shards: 3, budget: new ListingBudget(10_000), held: new PageCharges(), runId: "run" }));
    // One user per listing, then the one renamed from one listing's letter to another's while they were read (in neither).
    expect(new Set(ids.slice(0, 3)).size).toBe(3);
    expect(ids.at(-1)).toBe("renamed-meanwhile");
    expect(link).toBe(anchor);
    expect(requests.filter((r) => r.startsWith("/users?$filter="))).toHaveLength(3);
    expect(requests.find((r) => r.startsWith("/users?"))).toContain("&$expand=manager($select=id)&$top=999");
  });

  it.each([
    ["a user no listing covers", "1"],
    ["a count Graph refuses", Object.assign(new Error("refused"), { statusCode: 400, code: "Request_UnsupportedQuery" })],
    ["a count that is no number", "<html>"],
  ])("walks /users/delta from the start instead, given %s", async (_name, count) => {
    const { client, requests } = fakeGraphClient((url) => {
      if (url.includes("$deltatoken=latest")) return { value: [], "@odata.deltaLink": anchor };
      if (url === "/users/$count") return "3000";
      if (url.startsWith("/users/$count?$filter=")) return count;
      if (url.startsWith("/users/delta?$select=")) return { value: [{ id: "everyone" }], "@odata.deltaLink": `${anchor}-full` };
      throw new Error(`unexpected ${url}`);
    });
    const { ids, link } = await collect(fullRoundPages({ client, shards: 8, budget: new ListingBudget(10_000), held: new PageCharges(), runId: "run" }));
    expect(ids).toEqual(["everyone"]);
    expect(link).toBe(`${anchor}-full`);
    expect(requests.some((r) => r.startsWith("/users?"))).toBe(false);
  });

  it.each([
    ["1 person fits", "1"],
    ["999 people fit", "999"],
  ])("reads a tenant that fits in one page as one delta walk: two requests, nothing charged (%s)", async (words, count) => {
    const { client, requests } = fakeGraphClient((url) => {
      if (url === "/users/$count") return count;
      if (url.startsWith("/users/delta?$select=")) return { value: [{ id: "everyone" }], "@odata.deltaLink": `${anchor}-full` };
      throw new Error(`unexpected ${url}`);
    });
    const budget = new ListingBudget(1);
    const held = await budget.take(1);
    let readAs = "";
    const round = fullRoundPages({ client, shards: 8, budget, held: new PageCharges(), runId: "run", readAs: (words) => (readAs = words) });
    // The budget is taken in full and never given back here: a round that charged it would wait for ever.
    expect(await collect(round)).toEqual({ ids: ["everyone"], link: `${anchor}-full` });
    expect(readAs).toBe(`One delta walk: the tenant's ${words} in one page.`);
    expect(requests).toHaveLength(2);
    held();
  });

  it("reads a tenant of 1,000 people, one more than a page, as listings", async () => {
    const { client, requests } = fakeGraphClient((url) => {
      if (url === "/users/$count") return "1000";
      if (url.startsWith("/users/$count?$filter=")) return "0";
      if (url.includes("$deltatoken=latest")) return { value: [], "@odata.deltaLink": anchor };
      if (url === anchor) return { value: [], "@odata.deltaLink": anchor };
      return { value: [] };
    });
    await collect(fullRoundPages({ client, shards: 8, budget: new ListingBudget(10_000), held: new PageCharges(), runId: "run" }));
    expect(requests.filter((r) => r.startsWith("/users?$filter="))).toHaveLength(8);
    // The anchor is the only delta request ($deltatoken=latest): no walk from the start.
    expect(requests.filter((r) => r.startsWith("/users/delta?"))).toEqual([expect.stringContaining("$deltatoken=latest")]);
  });

  it("reads the round as one delta walk with no listing when SYNC_SHARDS is 0", async () => {
    const { client, requests } = fakeGraphClient(() => ({ value: [{ id: "everyone" }], "@odata.deltaLink": anchor }));
    expect((await collect(fullRoundPages({ client, shards: 0, budget: new ListingBudget(10_000), held: new PageCharges(), runId: "run" }))).ids).toEqual([
      "everyone",
    ]);
    expect(requests).toHaveLength(1);
  });
});
