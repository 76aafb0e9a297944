import { describe, expect, it } from "vitest";
import { toFormValues as activeDirectoryFormValues } from "@/app/(portal)/authority/active-directory/to-form-values";
import { toFormValues as entraFormValues } from "@/app/(portal)/authority/entra/to-form-values";
import type { VisibleEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";
import type { VisibleLdapSettings } from "@/lib/connectors/active-directory/settings/get-ldap-settings";

// What each settings page hands its "use client" form: exactly the fields the
// form shows. Anything else in the props would be serialised into the page.
const schedule = { period: "weekly", weekday: 3, runHour: 4, runMinute: 5, runSecond: 6 } as const;
const common = ["enabled", "period", "weekday", "runHour", "runMinute", "runSecond", "removalThresholdPercent", "updatedAt"];

describe("the settings pages' form values", () => {
  it("MS AAD: only the form's fields, never the delta link, the verified tenant or who saved", () => {
    // A row as getEntraSettings returns it, plus what a careless select would add.
    const row = {
      customerId: "c1",
      enabled: true,
      tenantId: "11111111-1111-4111-8111-111111111111",
      clientId: "22222222-2222-4222-8222-222222222222",
      secretCiphertext: "sealed-secret",
      secretKeyId: "k1",
      secretExpiresOn: "2027-01-31",
      secretUpdatedAt: new Date("2026-01-01T00:00:00Z"),
      ...schedule,
      skipGuests: false,
      skipDisabled: true,
      groupFilter: [{ id: "g1", displayName: "Sales" }],
      removalThresholdPercent: 15,
      requireMicrosoftSignIn: true,
      verifiedTenantId: "11111111-1111-4111-8111-111111111111",
      verifiedClientId: "22222222-2222-4222-8222-222222222222",
      tenantVerifiedAt: new Date("2026-01-02T00:00:00Z"),
      deltaLink: "https://graph.microsoft.com/v1.0/users/delta?$deltatoken=secret-position",
      deltaLinkAt: new Date("2026-01-03T00:00:00Z"),
      updatedAt: new Date("2026-01-04T00:00:00Z"),
      updatedBy: "a1",
      hasSecret: true,
      hasDeltaLink: true,
    } as unknown as VisibleEntraSettings;

    const values = entraFormValues(row);
    expect(Object.keys(values).sort()).toEqual(
      [...common, "tenantId", "clientId", "hasSecret", "secretExpiresOn", "skipGuests", "skipDisabled", "requireMicrosoftSignIn", "groupFilter"].sort(),
    );
    expect(values).toMatchObject({
      ...schedule,
      enabled: true,
      skipGuests: false,
      groupFilter: [{ id: "g1", displayName: "Sales" }],
      updatedAt: "2026-01-04T00:00:00.000Z",
    });
    expect(JSON.stringify(values)).not.toMatch(/sealed-secret|deltatoken|secret-position/);
  });

  it("Active Directory: only the form's fields, never the sealed proxy password or who saved", () => {
    const row = {
      customerId: "c1",
      enabled: true,
      url: "ldaps://dc1.contoso.com:636",
      startTls: false,
      caCertificate: null,
      baseDn: "DC=contoso,DC=com",
      bindName: "svc@contoso.com",
      bindPasswordCiphertext: "sealed-password",
      bindPasswordKeyId: "k1",
      userFilter: "(objectClass=user)",
      usernameAttribute: "sAMAccountName",
      ...schedule,
      skipDisabled: false,
      removalThresholdPercent: 20,
      authenticationEnabled: true,
      updatedAt: new Date("2026-01-04T00:00:00Z"),
      updatedBy: "a1",
      hasPassword: true,
    } as unknown as VisibleLdapSettings;

    const values = activeDirectoryFormValues(row);
    expect(Object.keys(values).sort()).toEqual(
      [
        ...common,
        "url",
        "startTls",
        "caCertificate",
        "baseDn",
        "bindName",
        "hasPassword",
        "userFilter",
        "usernameAttribute",
        "skipDisabled",
        "authenticationEnabled",
      ].sort(),
    );
    expect(values).toMatchObject({ ...schedule, url: "ldaps://dc1.contoso.com:636", authenticationEnabled: true, updatedAt: "2026-01-04T00:00:00.000Z" });
    expect(JSON.stringify(values)).not.toContain("sealed-password");
  });
});
