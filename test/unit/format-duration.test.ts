import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/sync/history/format-duration";

describe("formatDuration", () => {
  it("reads naturally from sub-second to hours", () => {
    expect(formatDuration(0.42)).toBe("0.4 s");
    expect(formatDuration(12.4)).toBe("12 s");
    expect(formatDuration(185)).toBe("3 min 05 s");
    expect(formatDuration(3720)).toBe("1 h 02 min");
    expect(formatDuration(null)).toBe("—");
  });
});
