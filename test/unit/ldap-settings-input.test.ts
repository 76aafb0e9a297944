import forge from "node-forge";
import { describe, expect, it } from "vitest";
import { newRsaKeys, randomSerial, validity } from "@/emulator/certs/forge-helpers";
import { defaultUserFilter } from "@/lib/ldap/ldap-connection-config";
import { ldapConnectionInput, ldapSettingsInput, ldapTestAuthenticationInput, plainLdapMessage } from "@/lib/validation/ldap-settings-input";

/** A throwaway self-signed certificate: any real one will do for "looks like a PEM certificate". */
function selfSignedPem(): string {
  const keys = newRsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  Object.assign(cert.validity, validity(30));
  cert.setSubject([{ name: "commonName", value: "Unit test CA" }]);
  cert.setIssuer([{ name: "commonName", value: "Unit test CA" }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
const caPem = selfSignedPem().replace(/\r\n/g, "\n");

const valid = {
  usage: "use",
  url: "ldaps://dc1.contoso.com:636",
  caCertificate: "",
  baseDn: "OU=Staff,DC=contoso,DC=com",
  bindName: "svc-switchboard@contoso.com",
  bindPassword: "Pr0xy!Passw0rd",
  userFilter: "",
  usernameAttribute: "sAMAccountName",
  period: "daily",
  weekday: "",
  runHour: "3",
  runMinute: "0",
  runSecond: "0",
  removalThresholdPercent: "20",
};

function errorsOf(
  input: Record<string, unknown>,
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } = ldapSettingsInput,
) {
  const result = schema.safeParse(input);
  expect(result.success, "the input is refused").toBe(false);
  return Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
}

describe("Active Directory settings input", () => {
  it("takes a complete form, with the defaults for what was left blank", () => {
    const parsed = ldapSettingsInput.parse(valid);
    expect(parsed).toMatchObject({
      usage: "use",
      url: "ldaps://dc1.contoso.com:636",
      startTls: false,
      caCertificate: null,
      baseDn: "OU=Staff,DC=contoso,DC=com",
      userFilter: defaultUserFilter,
      usernameAttribute: "sAMAccountName",
      runHour: 3,
      skipDisabled: false,
      authenticationEnabled: false,
    });
  });

  it.each([
    ["ldaps://dc1.contoso.com", "ldaps://dc1.contoso.com"],
    [" LDAPS://dc1.contoso.com:3269/ ", "ldaps://dc1.contoso.com:3269"],
    ["ldaps://127.0.0.1:636", "ldaps://127.0.0.1:636"],
    ["ldaps://[::1]:636", "ldaps://[::1]:636"],
  ])("accepts the address %j as %j", (url, normalised) => {
    expect(ldapSettingsInput.parse({ ...valid, url }).url).toBe(normalised);
  });

  it.each([
    ["", "Enter the server address"],
    ["dc1.contoso.com", "starts with ldaps://"],
    ["https://dc1.contoso.com", "starts with ldaps://"],
    ["ldaps://", "needs a host name"],
    ["ldaps://:636", "not a valid address"],
    ["ldaps://dc1.contoso.com:70000", "not a valid address"],
    ["ldaps://dc1.contoso.com:0", "port is 1 to 65535"],
    ["ldaps://svc:secret@dc1.contoso.com", "Leave the user name and password out"],
    ["ldaps://dc1.contoso.com/DC=contoso,DC=com", "Only the scheme, host and port"],
    ["ldaps://dc1.contoso.com?base", "Only the scheme, host and port"],
  ])("refuses the address %j", (url, message) => {
    expect(errorsOf({ ...valid, url }).url).toContain(message);
  });

  it("refuses plain ldap:// without StartTLS once, on the address (the screen prints each field's message)", () => {
    const errors = errorsOf({ ...valid, url: "ldap://dc1.contoso.com:389" });
    expect(errors.url).toBe(plainLdapMessage);
    expect(errors.startTls).toBeUndefined();
    expect(errorsOf({ ...valid, url: "ldap://dc1.contoso.com" }, ldapConnectionInput).url).toBe(plainLdapMessage);
  });

  it("accepts ldap:// with StartTLS, and drops StartTLS on ldaps:// (already encrypted)", () => {
    expect(ldapSettingsInput.parse({ ...valid, url: "ldap://dc1.contoso.com:389", startTls: "on" })).toMatchObject({
      url: "ldap://dc1.contoso.com:389",
      startTls: true,
    });
    expect(ldapSettingsInput.parse({ ...valid, startTls: "on" }).startTls).toBe(false);
  });

  it("takes a PEM CA certificate (or a chain), normalising line ends and wrapping", () => {
    const parsed = ldapSettingsInput.parse({ ...valid, caCertificate: `  ${caPem.replace(/\n/g, "\r\n")}\n\n${caPem}  ` });
    expect(parsed.caCertificate).toBe(`${caPem}${caPem}`);
    const rewrapped = caPem.replace(/\n(?!-----)/g, "\n  ").replace(/([A-Za-z0-9+/]{40})/g, "$1\n");
    expect(ldapSettingsInput.parse({ ...valid, caCertificate: rewrapped }).caCertificate).toBe(caPem);
  });

  it.each([
    ["not a certificate", "PEM form"],
    ["-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----", "could not be read"],
    ["-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----", "private key"],
    ["-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", "PEM form"],
  ])("refuses the CA certificate %j", (caCertificate, message) => {
    expect(errorsOf({ ...valid, caCertificate }).caCertificate).toContain(message);
  });

  it.each(["DC=contoso,DC=com", "OU=Sales\\, EMEA,DC=contoso,DC=com", "CN=Users,DC=contoso,DC=test", "ou=a+cn=b,dc=x", "0.9.2342.19200300.100.1.25=contoso"])(
    "accepts the base DN %j",
    (baseDn) => {
      expect(ldapSettingsInput.parse({ ...valid, baseDn }).baseDn).toBe(baseDn);
    },
  );

  it.each(["", "contoso.com", "DC=contoso,", "DC=contoso,,DC=com", "=contoso", "DC=contoso;DC=com;"])("refuses the base DN %j", (baseDn) => {
    expect(errorsOf({ ...valid, baseDn }).baseDn).toMatch(/base DN/);
  });

  it("requires a proxy user; keeps a blank password as 'keep the stored one', and never trims a password", () => {
    expect(errorsOf({ ...valid, bindName: "  " }).bindName).toContain("Enter the proxy user");
    expect(ldapSettingsInput.parse({ ...valid, bindPassword: "" }).bindPassword).toBeUndefined();
    expect(ldapSettingsInput.parse({ ...valid, bindPassword: "   " }).bindPassword).toBeUndefined();
    expect(ldapSettingsInput.parse({ ...valid, bindPassword: " spaced pass " }).bindPassword).toBe(" spaced pass ");
  });

  it("takes a user filter; blank means the default one", () => {
    expect(ldapSettingsInput.parse({ ...valid, userFilter: " (&(objectClass=user)(department=Sales)) " }).userFilter).toBe(
      "(&(objectClass=user)(department=Sales))",
    );
    expect(ldapSettingsInput.parse({ ...valid, userFilter: "  " }).userFilter).toBe(defaultUserFilter);
  });

  it.each([
    ["objectClass=user", "in parentheses"],
    ["(&(objectClass=user)(department=Sales)", "every ( has its )"],
    ["(objectClass=user))(", "every ( has its )"],
    ["(&(objectClass=user)(=x))", "LDAP filter"],
  ])("refuses the user filter %j", (userFilter, message) => {
    expect(errorsOf({ ...valid, userFilter }).userFilter).toContain(message);
  });

  it("knows the two user name attributes only", () => {
    expect(ldapSettingsInput.parse({ ...valid, usernameAttribute: "userPrincipalName" }).usernameAttribute).toBe("userPrincipalName");
    expect(errorsOf({ ...valid, usernameAttribute: "cn" }).usernameAttribute).toContain("sAMAccountName or userPrincipalName");
  });

  it("checks the schedule and the removal threshold as MS AAD does", () => {
    expect(errorsOf({ ...valid, period: "weekly", weekday: "" }).weekday).toContain("day of the week");
    expect(ldapSettingsInput.parse({ ...valid, period: "weekly", weekday: "3" }).weekday).toBe(3);
    expect(errorsOf({ ...valid, runHour: "24" }).runHour).toContain("0 to 23");
    expect(errorsOf({ ...valid, usage: "maybe" }).usage).toContain("Use or Not use");
    expect(errorsOf({ ...valid, removalThresholdPercent: "0" }).removalThresholdPercent).toContain("1 to 100");
    expect(errorsOf({ ...valid, removalThresholdPercent: "101" }).removalThresholdPercent).toContain("1 to 100");
  });

  it("no longer takes the portal users' fields: they are provisioning's now", () => {
    const parsed = ldapSettingsInput.parse({ ...valid, createPortalUsers: "on", extensionRangeStart: "7000", defaultPackage: "Basic" });
    expect(parsed).not.toHaveProperty("createPortalUsers");
    expect(parsed).not.toHaveProperty("extensionRangeStart");
    expect(parsed).not.toHaveProperty("defaultPackage");
  });

  it("Test connection takes the connection fields alone", () => {
    const { url, caCertificate, baseDn, bindName, bindPassword, userFilter, usernameAttribute } = valid;
    expect(ldapConnectionInput.parse({ url, caCertificate, baseDn, bindName, bindPassword, userFilter, usernameAttribute })).toMatchObject({
      url,
      bindName,
      bindPassword,
    });
    expect(ldapConnectionInput.parse({ url, baseDn, bindName }).bindPassword).toBeUndefined();
  });
});

describe("Test authentication input", () => {
  it.each([["bob"], ["CONTOSO\\bob"], ["bob@contoso.test"], ["  bob  "]])("reduces %j to bob", (username) => {
    expect(ldapTestAuthenticationInput.parse({ username, password: "B0b!Passw0rd" })).toEqual({ username: "bob", password: "B0b!Passw0rd" });
  });

  it("refuses an empty user name or password with a clear message, and keeps the password as typed", () => {
    expect(errorsOf({ username: "CONTOSO\\", password: "x" }, ldapTestAuthenticationInput).username).toContain("Enter a user name");
    for (const password of ["", "   "]) {
      expect(errorsOf({ username: "bob", password }, ldapTestAuthenticationInput).password).toContain("Enter the password");
    }
    expect(ldapTestAuthenticationInput.parse({ username: "bob", password: " p w " }).password).toBe(" p w ");
  });
});
