import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format-date";

describe("formatDateTime", () => {
  it("shows the moment in the company's zone, naming the zone", () => {
    expect(formatDateTime(new Date("2026-11-23T10:30:15Z"), "Europe/Berlin")).toBe("23 Nov 2026, 11:30:15 CET");
    expect(formatDateTime(null, "UTC")).toBe("—");
  });
});
