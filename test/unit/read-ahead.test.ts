import { describe, expect, it } from "vitest";
import { readAhead } from "@/lib/sync/read-ahead";

async function* pages(log: string[], fail?: number) {
  for (let i = 1; i <= 3; i++) {
    log.push(`fetch ${i}`);
    if (i === fail) throw new Error(`page ${i} failed`);
    yield i;
  }
}

describe("readAhead", () => {
  it("yields every item in order while the next one is already being fetched", async () => {
    const log: string[] = [];
    for await (const page of readAhead(pages(log))) log.push(`apply ${page}`);
    expect(log).toEqual(["fetch 1", "fetch 2", "apply 1", "fetch 3", "apply 2", "apply 3"]);
  });

  it("reports a failed fetch when the caller reaches it, after the pages before it", async () => {
    const applied: number[] = [];
    await expect(async () => {
      for await (const page of readAhead(pages([], 3))) applied.push(page);
    }).rejects.toThrow("page 3 failed");
    expect(applied).toEqual([1, 2]);
  });

  it("lets the caller stop on an error of its own without an unhandled failure of the fetch ahead", async () => {
    await expect(async () => {
      for await (const page of readAhead(pages([], 2))) throw new Error(`apply ${page} failed`);
    }).rejects.toThrow("apply 1 failed");
  });
});
