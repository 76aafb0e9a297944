import { describe, expect, it } from "vitest";
import { reduceUsername } from "@/lib/ldap/reduce-username";

describe("reduceUsername", () => {
  it.each([
    ["bob", "bob"],
    ["  bob  ", "bob"],
    ["CONTOSO\\bob", "bob"],
    ["contoso.test\\bob", "bob"],
    ["bob@contoso.test", "bob"],
    [" CONTOSO\\bob@contoso.test ", "bob"],
    ["Bob.Example@sub.contoso.test", "Bob.Example"],
    ["CONTOSO\\", ""],
    ["@contoso.test", ""],
    ["   ", ""],
  ])("%j → %j", (input, expected) => {
    expect(reduceUsername(input)).toBe(expected);
  });
});
