import { describe, expect, it } from "vitest";
import { mapAndEmpty } from "@/lib/sync/map-and-empty";

describe("mapAndEmpty", () => {
  it("maps a page in order and leaves the page itself empty", () => {
    const page = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const mapped = mapAndEmpty(page, (user) => user.id.toUpperCase());
    expect(mapped).toEqual(["A", "B", "C"]);
    expect(page).toEqual([]);
  });
});
