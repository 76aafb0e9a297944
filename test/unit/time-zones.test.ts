import { describe, expect, it } from "vitest";
import { nextRunAt } from "@/lib/sync/schedule";
import { canonicalTimeZone, timeZoneOptions } from "@/lib/time-zones";
import { timeZone } from "@/lib/validation/fields";

describe("time zones", () => {
  it("are offered by their canonical IANA names, each once, UTC first", () => {
    const options = timeZoneOptions();
    expect(options[0]).toBe("UTC");
    expect(options).toEqual(expect.arrayContaining(["Asia/Kolkata", "Europe/Kyiv", "Europe/Berlin", "America/Nuuk", "Asia/Ho_Chi_Minh"]));
    for (const old of ["Asia/Calcutta", "Europe/Kiev", "America/Godthab", "Asia/Saigon", "Asia/Rangoon", "Pacific/Enderbury"])
      expect(options).not.toContain(old);
    expect(new Set(options).size).toBe(options.length);
  });

  it("map an old name to its canonical one, and leave every other name alone", () => {
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("Europe/Berlin")).toBe("Europe/Berlin");
  });

  it("accept an old name in a form and save it as the canonical one; the canonical ones are accepted as they are", () => {
    expect(timeZone.parse("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(timeZone.parse("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(timeZone.parse("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(timeZone.parse("Europe/Kyiv")).toBe("Europe/Kyiv");
    expect(timeZone.safeParse("Mars/Olympus").success).toBe(false);
  });

  it("schedule alike under the old and the canonical name", () => {
    const from = new Date("2026-03-01T00:00:00Z");
    // 02:30 in India is 21:00 UTC the day before.
    expect(nextRunAt("0 30 2 * * *", "Asia/Kolkata", from).toISOString()).toBe("2026-03-01T21:00:00.000Z");
    expect(nextRunAt("0 30 2 * * *", "Asia/Calcutta", from)).toEqual(nextRunAt("0 30 2 * * *", "Asia/Kolkata", from));
    expect(nextRunAt("0 0 9 * * *", "Europe/Kiev", from)).toEqual(nextRunAt("0 0 9 * * *", "Europe/Kyiv", from));
  });
});
