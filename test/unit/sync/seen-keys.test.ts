import { describe, expect, it } from "vitest";
import { SeenKeys } from "@/lib/sync/seen-keys";

const uuidOf = (i: number) => `${i.toString(16).padStart(8, "0")}-0000-4000-8000-${(i * 7919).toString(16).padStart(12, "0")}`;

describe("a round's seen keys", () => {
  it("hold 100,000 UUIDs made in sequence, each once, and answer for them as a Set of strings does", () => {
    const keys = new SeenKeys();
    const reference = new Set<string>();
    for (let i = 1; i <= 100_000; i++) {
      keys.add(uuidOf(i));
      reference.add(uuidOf(i));
    }
    // Added twice is held once.
    for (let i = 1; i <= 1_000; i++) keys.add(uuidOf(i));
    expect(keys.size).toBe(100_000);
    expect([...keys].sort()).toEqual([...reference].sort());
    for (let i = 1; i <= 100_000; i += 997) expect(keys.has(uuidOf(i))).toBe(true);
    expect(keys.has(uuidOf(100_001))).toBe(false);
  });

  it("keep the nil UUID, an uppercase one and anything else exactly as given, apart from the UUIDs", () => {
    const keys = new SeenKeys();
    const odd = ["00000000-0000-0000-0000-000000000000", "ABCDEF01-0000-4000-8000-000000000001", "not a uuid", "__proto__", "\u0000", "\ud800"];
    for (const key of odd) keys.add(key);
    keys.add("abcdef01-0000-4000-8000-000000000001");
    expect(keys.size).toBe(odd.length + 1);
    for (const key of odd) expect(keys.has(key)).toBe(true);
    expect(keys.has("abcdef01-0000-4000-8000-000000000001")).toBe(true);
    expect(keys.has("abcdef01-0000-4000-8000-000000000002")).toBe(false);
    expect(keys.has("constructor")).toBe(false);
    expect(new Set(keys)).toEqual(new Set([...odd, "abcdef01-0000-4000-8000-000000000001"]));
  });
});
