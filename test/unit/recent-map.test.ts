import { describe, expect, it } from "vitest";
import { RecentMap } from "@/lib/recent-map";

describe("RecentMap", () => {
  it("keeps the most recently used keys and drops the least recently used past its capacity", () => {
    const map = new RecentMap<string, number>(3);
    map.set("a", 1);
    map.set("b", 2);
    map.set("c", 3);
    // Reading "a" makes "b" the least recently used.
    expect(map.get("a")).toBe(1);
    map.set("d", 4);
    expect(map.size).toBe(3);
    expect(map.get("b")).toBeUndefined();
    expect([map.get("a"), map.get("c"), map.get("d")]).toEqual([1, 3, 4]);
  });

  it("replaces a key's value without growing, and keeps undefined-looking values apart from missing keys", () => {
    const map = new RecentMap<string, number | null>(2);
    map.set("a", null);
    map.set("a", 2);
    map.set("b", null);
    expect(map.size).toBe(2);
    expect(map.get("a")).toBe(2);
    expect(map.get("b")).toBeNull();
    expect(map.get("__proto__")).toBeUndefined();
  });
});
