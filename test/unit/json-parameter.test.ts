import { describe, expect, it } from "vitest";
import { jsonParameter } from "@/db/sql-names";

describe("jsonParameter", () => {
  it("is the value's JSON text, whatever the rows hold", () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => ({ key: `k${i}`, displayName: `Zoë Ödegaard ${i} 📞`, odd: "\u0000\ud800", list: [i, null] }));
    const text = jsonParameter(rows);
    expect(text).toBe(JSON.stringify(rows));
    // Large enough that V8 built it from parts: still one text, read back whole.
    expect(text.length).toBeGreaterThan(16 * 1024);
    expect(JSON.parse(text)).toEqual(rows);
  });
});
