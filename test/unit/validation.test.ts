import { describe, expect, it } from "vitest";
import { createUserInput, changePasswordInput, updateUserInput } from "@/lib/validation/account-input";
import { createCustomerInput } from "@/lib/validation/customer-input";
import { createDirectoryEntryInput } from "@/lib/validation/directory-input";
import { readListQuery } from "@/lib/validation/list-query";

const validUser = { localPart: "Rich", password: "long-enough-pw", name: "Rich", email: "", extension: "2001" };

describe("user input", () => {
  it("normalises the portal ID and turns blank fields into null", () => {
    const parsed = createUserInput.parse(validUser);
    expect(parsed.localPart).toBe("rich");
    expect(parsed.email).toBeNull();
    expect(parsed.site).toBeNull();
    expect(parsed.groupMemberType).toBeNull();
  });

  it.each([
    ["localPart", "rich@cm", "Use letters"],
    ["localPart", "", "Use letters"],
    ["password", "short", "at least 10"],
    ["email", "not-an-email", "valid e-mail"],
    ["extension", "12a", "2 to 8 digits"],
    ["extension", "123456789", ""],
    ["name", "   ", "Name is required"],
    ["groupMemberType", "everything", "single-site or multi-site"],
  ])("rejects %s = %j", (field, value, message) => {
    const result = createUserInput.safeParse({ ...validUser, [field]: value });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === field);
    expect(issue).toBeDefined();
    expect(issue!.message.toLowerCase()).toContain(message.toLowerCase());
  });

  it("keeps the password on edit when it is left blank", () => {
    const parsed = updateUserInput.parse({ id: "7b0f6f0e-9a43-4a0c-9a4e-3f1d2c7b6a10", name: "Rich", password: "" });
    expect(parsed.password).toBeUndefined();
  });

  it("requires the two new passwords to match", () => {
    const result = changePasswordInput.safeParse({ currentPassword: "x", newPassword: "long-enough-1", confirmPassword: "long-enough-2" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["confirmPassword"]);
  });
});

describe("customer input", () => {
  const valid = { name: "Contoso", slug: "cm", timeZone: "Europe/Berlin", managerLocalPart: "rich", managerName: "Rich", managerPassword: "long-enough-pw" };

  it("accepts an IANA time zone and rejects an invented one", () => {
    expect(createCustomerInput.safeParse(valid).success).toBe(true);
    expect(createCustomerInput.safeParse({ ...valid, timeZone: "UTC" }).success).toBe(true);
    expect(createCustomerInput.safeParse({ ...valid, timeZone: "Mars/Olympus" }).success).toBe(false);
  });

  it("accepts only lowercase-able slugs without spaces or @", () => {
    expect(createCustomerInput.parse({ ...valid, slug: "Contoso-EU" }).slug).toBe("contoso-eu");
    for (const slug of ["con toso", "a@b", "-lead", "trail-", ""]) {
      expect(createCustomerInput.safeParse({ ...valid, slug }).success).toBe(false);
    }
  });
});

describe("directory entry input", () => {
  it("needs at least one name", () => {
    const result = createDirectoryEntryInput.safeParse({ email: "a@b.example" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["displayName"]);
  });

  it("accepts phone numbers as people write them and rejects letters", () => {
    expect(createDirectoryEntryInput.parse({ displayName: "Reception", officePhone: "+1 (425) 555-0100" }).officePhone).toBe("+1 (425) 555-0100");
    expect(createDirectoryEntryInput.safeParse({ displayName: "X", mobilePhone: "call me" }).success).toBe(false);
  });

  it("keeps markup as plain text (React escapes it when shown)", () => {
    const name = "<img src=x onerror=alert(1)>";
    expect(createDirectoryEntryInput.parse({ displayName: name }).displayName).toBe(name);
  });
});

describe("list query", () => {
  it("falls back to page 1 and no filter for odd values", () => {
    expect(readListQuery({ page: "-3", q: 5 as unknown as string })).toEqual({ page: 1, q: "", notice: null });
    expect(readListQuery({ page: "2", q: " ann " })).toEqual({ page: 2, q: "ann", notice: null });
    expect(readListQuery({ page: ["3", "4"], q: ["ann", "bob"] })).toEqual({ page: 3, q: "ann", notice: null });
  });

  it.each(["99999999999999999999", "1e400", "Infinity", "NaN", "2.5", "0x10", " 2", "100001", "0", "\u0000", "1\u00002"])("reads page %j as page 1", (page) => {
    expect(readListQuery({ page }).page).toBe(1);
  });

  it("leaves NUL, control and broken characters out of the search and says so", () => {
    expect(readListQuery({ q: "ann\u0000 smith" })).toEqual({ page: 1, q: "ann smith", notice: expect.stringContaining("left out") });
    expect(readListQuery({ q: "\uD800ann" })).toMatchObject({ q: "ann", notice: expect.stringContaining("left out") });
    expect(readListQuery({ q: "\u001b[31mann" })).toMatchObject({ q: "[31mann", notice: expect.stringContaining("left out") });
  });

  it("cuts a long search to 100 characters without splitting a character", () => {
    const { q, notice } = readListQuery({ q: "😀".repeat(900_000) });
    expect(Array.from(q)).toHaveLength(100);
    expect(/\p{Cs}/u.test(q)).toBe(false);
    expect(notice).toContain("100 characters");
  });
});
