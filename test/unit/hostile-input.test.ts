import { describe, expect, it } from "vitest";
import { readFormFields } from "@/lib/actions/read-form-fields";
import { AppError } from "@/lib/errors";
import { readJsonBody } from "@/lib/http/read-json-body";
import { requestTextProblem } from "@/lib/http/request-text-problem";
import { changePasswordInput, createManagerInput, createUserInput, updateUserInput } from "@/lib/validation/account-input";
import { createCustomerInput, updateCompanyInput } from "@/lib/validation/customer-input";
import { createDirectoryEntryInput } from "@/lib/validation/directory-input";
import { entraSettingsInput } from "@/lib/validation/entra-settings-input";
import { ldapSettingsInput, ldapTestAuthenticationInput } from "@/lib/validation/ldap-settings-input";
import { textProblem } from "@/lib/text/text-problem";

/** The values every text field refuses: what PostgreSQL cannot store, what no form sends, what no index takes. */
const hostile: Record<string, string> = {
  nul: "Ann\u0000Smith",
  "lone high surrogate": "Ann\uD800",
  "lone low surrogate": "\uDC00Ann",
  escape: "Ann\u001b[2J",
  backspace: "Ann\u0008",
  "900,000 €": "€".repeat(900_000),
  "10,000 a": "a".repeat(10_000),
};

const validLdap = {
  url: "ldaps://dc1.contoso.com:636",
  baseDn: "DC=contoso,DC=com",
  bindName: "svc@contoso.com",
  bindPassword: "Secret-123",
  usage: "use",
  period: "daily",
  runHour: "3",
  runMinute: "0",
  runSecond: "0",
  removalThresholdPercent: "10",
};
const validEntra = {
  tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
  clientId: "72f988bf-86f1-41af-91ab-2d7cd011db48",
  clientSecret: "a-secret",
  usage: "use",
  period: "daily",
  runHour: "3",
  runMinute: "0",
  runSecond: "0",
  removalThresholdPercent: "10",
};

/** Each schema with a valid value and the free-text fields to try hostile values in. */
const boundaries = [
  {
    name: "create user",
    schema: createUserInput,
    valid: { localPart: "ann", password: "long-enough-pw", name: "Ann" },
    fields: ["name", "email", "site", "package", "userType", "password"],
  },
  { name: "update user", schema: updateUserInput, valid: { id: "00000000-0000-4000-8000-000000000001", name: "Ann" }, fields: ["name", "site", "password"] },
  {
    name: "create manager",
    schema: createManagerInput,
    valid: { localPart: "ann", password: "long-enough-pw", name: "Ann" },
    fields: ["name", "email", "password", "localPart"],
  },
  {
    name: "change password",
    schema: changePasswordInput,
    valid: { currentPassword: "old-password", newPassword: "long-enough-pw", confirmPassword: "long-enough-pw" },
    fields: ["currentPassword"],
  },
  {
    name: "create customer",
    schema: createCustomerInput,
    valid: { name: "Acme", slug: "acme", timeZone: "Europe/Berlin", managerLocalPart: "boss", managerName: "Boss", managerPassword: "long-enough-pw" },
    fields: ["name", "slug", "timeZone", "managerName"],
  },
  { name: "company", schema: updateCompanyInput, valid: { name: "Acme", timeZone: "Europe/Berlin" }, fields: ["name", "timeZone"] },
  {
    name: "directory entry",
    schema: createDirectoryEntryInput,
    valid: { displayName: "Ann" },
    fields: ["displayName", "firstName", "lastName", "officePhone"],
  },
  { name: "MS AAD settings", schema: entraSettingsInput, valid: validEntra, fields: ["clientSecret", "tenantId", "skipGuests"] },
  {
    name: "AD settings",
    schema: ldapSettingsInput,
    valid: validLdap,
    fields: ["url", "baseDn", "bindName", "bindPassword", "userFilter", "caCertificate", "startTls"],
  },
  { name: "AD test sign-in", schema: ldapTestAuthenticationInput, valid: { username: "bob", password: "pw" }, fields: ["username", "password"] },
];

describe("every form schema refuses unstorable text", () => {
  it.each(boundaries)("$name accepts its valid value", ({ schema, valid }) => {
    expect(schema.safeParse(valid).error?.issues).toBeUndefined();
  });

  const cases = boundaries.flatMap((b) => b.fields.flatMap((field) => Object.entries(hostile).map(([kind, value]) => ({ ...b, field, kind, value }))));
  it.each(cases)("$name refuses $kind in $field", ({ schema, valid, field, value }) => {
    const result = schema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
  });

  it("refuses a NUL hidden inside the MS AAD group selection's JSON", () => {
    const groupFilter = JSON.stringify([{ id: "00000000-0000-4000-8000-000000000001", displayName: "Sales\u0000" }]);
    expect(entraSettingsInput.safeParse({ ...validEntra, groupFilter }).success).toBe(false);
  });

  it("keeps tabs and line breaks where a field is multi-line, and refuses them on one line", () => {
    expect(textProblem("line one\n\tline two", { multiline: true })).toBeNull();
    expect(textProblem("line one\nline two")).not.toBeNull();
  });
});

describe("a posted form", () => {
  const form = (entries: [string, string][]) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    return data;
  };

  it("reads plain fields, skipping React's own", () => {
    expect(
      readFormFields(
        form([
          ["name", "Ann"],
          ["$ACTION_ID_1", "x"],
        ]),
      ),
    ).toEqual({ ok: true, fields: expect.objectContaining({ name: "Ann" }) });
  });

  // FormData holds USVStrings: a lone surrogate arrives as U+FFFD, so it is the zod fields' to refuse (above).
  it.each(Object.entries(hostile).filter(([kind]) => kind !== "10,000 a" && !kind.includes("surrogate")))(
    "is refused whole for %s in a field the schema does not read",
    (_kind, value) => {
      const read = readFormFields(
        form([
          ["name", "Ann"],
          ["unread", value],
        ]),
      );
      expect(read).toMatchObject({ ok: false, fieldErrors: { unread: expect.any(String) } });
    },
  );

  it.each(["__proto__", "constructor", "prototype", "na\u0000me"])("is refused for the field name %j", (name) => {
    expect(readFormFields(form([[name, "x"]])).ok).toBe(false);
  });
});

describe("a route's query string and path", () => {
  it.each([
    ["q", "Ann\u0000"],
    ["q", "a".repeat(2001)],
    ["q\u0000", "Ann"],
  ])("is refused for %j = %j", (name, value) => {
    expect(requestTextProblem(new URLSearchParams([[name, value]]))).toEqual(expect.any(String));
  });

  it("is refused for a path parameter with NUL, and never echoes the value", () => {
    const problem = requestTextProblem(new URLSearchParams(), { id: "secret-value\u0000" });
    expect(problem).toContain('"id"');
    expect(problem).not.toContain("secret-value");
  });

  it("takes an ordinary search", () => {
    expect(requestTextProblem(new URLSearchParams("q=O'Brien (Sales) %25_*"))).toBeNull();
  });
});

describe("readJsonBody", () => {
  const post = (body: string) => new Request("http://localhost/api/x", { method: "POST", body, headers: { "content-type": "application/json" } });
  const refusal = async (body: string, limits?: Parameters<typeof readJsonBody>[1]) => {
    const error = await readJsonBody(post(body), limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return (error as AppError).message;
  };

  it("reads an ordinary body", async () => {
    expect(await readJsonBody(post('{"a":[1,{"b":"c"}]}'))).toEqual({ a: [1, { b: "c" }] });
  });

  it("refuses 5,000 levels of nesting, in arrays and in objects", async () => {
    expect(await refusal("[".repeat(5000) + "]".repeat(5000))).toContain("nested");
    expect(await refusal('{"a":'.repeat(5000) + "1" + "}".repeat(5000))).toContain("nested");
  });

  it("does not count brackets inside strings as nesting", async () => {
    expect(await readJsonBody(post(JSON.stringify({ a: "[".repeat(100) })))).toEqual({ a: "[".repeat(100) });
  });

  it.each(['{"__proto__":{"polluted":"yes"}}', '{"a":{"constructor":{"prototype":{"x":1}}}}', '[{"prototype":1}]'])(
    "refuses the prototype key in %s",
    async (body) => {
      expect(await refusal(body)).toMatch(/__proto__|constructor|prototype/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );

  it("refuses NUL and lone surrogates in strings and keys", async () => {
    await refusal('{"userName":"a\\u0000b"}');
    await refusal('{"a\\u0000":"b"}');
    await refusal('{"displayName":"\\ud800"}');
  });

  it("refuses an oversized body read from a clone without waiting for the original to be read", async () => {
    const request = post("€".repeat(900_000));
    await expect(readJsonBody(request.clone(), { maxBytes: 1024 })).rejects.toThrow("larger");
  });

  it("refuses a body over the size limit, broken UTF-8, and text that is not JSON", async () => {
    expect(await refusal(JSON.stringify({ a: "€".repeat(900_000) }))).toContain("larger");
    expect(await refusal("{}", { maxBytes: 1 })).toContain("larger");
    expect(await refusal('{"a":')).toContain("not valid JSON");
    expect(await refusal("")).toContain("empty");
    const broken = await readJsonBody(new Request("http://localhost/", { method: "POST", body: new Uint8Array([0x22, 0xff, 0x22]) })).catch(
      (e: AppError) => e.message,
    );
    expect(broken).toContain("UTF-8");
  });
});
