import { describe, expect, it } from "vitest";
import { secretExpiryWarning } from "@/lib/connectors/entra/settings/secret-expiry";

const today = new Date("2026-11-23T15:00:00Z");

describe("secretExpiryWarning", () => {
  it("is silent without a date or more than 30 days ahead", () => {
    expect(secretExpiryWarning(null, today)).toBeNull();
    expect(secretExpiryWarning("2026-12-24", today)).toBeNull();
  });

  it("warns from 30 days ahead, on the day, and after", () => {
    expect(secretExpiryWarning("2026-12-23", today)).toContain("expires in 30 days");
    expect(secretExpiryWarning("2026-11-24", today)).toContain("expires in 1 day ");
    expect(secretExpiryWarning("2026-11-23", today)).toContain("expires today");
    expect(secretExpiryWarning("2026-11-01", today)).toContain("expired on 2026-11-01");
  });
});
