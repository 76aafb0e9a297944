import { EqualityFilter, FilterParser } from "ldapts";
import { describe, expect, it } from "vitest";
import { escapeFilterValue } from "@/lib/ldap/escape-filter-value";
import { signInNameFilter } from "@/lib/ldap/user-filter";

describe("escapeFilterValue", () => {
  it("escapes the five characters RFC 4515 requires", () => {
    expect(escapeFilterValue("a*b(c)d\\e\0f")).toBe("a\\2ab\\28c\\29d\\5ce\\00f");
    expect(escapeFilterValue("Zoë Ørsted")).toBe("Zoë Ørsted");
  });

  it("keeps an injection attempt one literal value when parsed back", () => {
    const attempt = "*)(sAMAccountName=*";
    const parsed = FilterParser.parseString(`(sAMAccountName=${escapeFilterValue(attempt)})`);
    expect(parsed).toBeInstanceOf(EqualityFilter);
    expect((parsed as EqualityFilter).value).toBe(attempt);
  });
});

describe("signInNameFilter", () => {
  const config = { userFilter: "(objectClass=user)", usernameAttribute: "sAMAccountName" as const };

  it("ANDs the user filter with the name as an equality match, the name escaped in text form", () => {
    expect(signInNameFilter(config, "*)(sAMAccountName=*").toString()).toBe("(&(objectClass=user)(sAMAccountName=\\2a\\29\\28sAMAccountName=\\2a))");
  });

  it("matches a userPrincipalName by the part before the @", () => {
    expect(signInNameFilter({ ...config, usernameAttribute: "userPrincipalName" }, "bob").toString()).toBe("(&(objectClass=user)(userPrincipalName=bob@*))");
  });

  it("uses the default filter when none is set, and refuses an invalid one", () => {
    expect(signInNameFilter({ ...config, userFilter: " " }, "bob").toString()).toContain("isCriticalSystemObject=TRUE");
    expect(() => signInNameFilter({ ...config, userFilter: "(&(objectClass=user)" }, "bob")).toThrow(/not a valid LDAP filter/);
    expect(() => signInNameFilter({ ...config, userFilter: "(objectClass=user))" }, "bob")).toThrow(/not a valid LDAP filter/);
  });
});
