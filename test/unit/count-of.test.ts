import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/text/count-of";

describe("countOf", () => {
  it("puts the noun in the number the count asks for", () => {
    expect(countOf(1, "page")).toBe("1 page");
    expect(countOf(0, "page")).toBe("0 pages");
    expect(countOf(3, "page")).toBe("3 pages");
    expect(countOf(1, "entry", "entries")).toBe("1 entry");
    expect(countOf(20, "entry", "entries")).toBe("20 entries");
  });
});
