import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, ldapSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { nextScheduledSync } from "@/lib/jobs/directory-sync-job";
import { getLdapSettings } from "@/lib/connectors/active-directory/settings/get-ldap-settings";
import { loadLdapConnection } from "@/lib/connectors/active-directory/settings/load-ldap-connection";
import { saveLdapSettings } from "@/lib/connectors/active-directory/settings/save-ldap-settings";
import { testLdapAuthentication } from "@/lib/connectors/active-directory/settings/test-ldap-authentication";
import { testLdapSettings } from "@/lib/connectors/active-directory/settings/test-ldap-settings";
import { scheduledPattern } from "@/lib/sync/apply-schedule";
import { nextRunAt } from "@/lib/sync/schedule";
import { ldapConnectionInput, ldapSettingsInput, ldapTestAuthenticationInput } from "@/lib/validation/ldap-settings-input";
import { createCustomerWithManager } from "@/test/support/factories";
import { useSambaDirectory } from "@/test/support/samba/samba-directory";

const directory = useSambaDirectory();
const ALICE_PASSWORD = "Al1ce!Passw0rd";
// sAMAccountName is unique in the whole domain, which other test files and runs (and the e2e tests) share.
const suffix = randomBytes(3).toString("hex");
const alice = `alice-${suffix}`;

/** The screen's form as posted, for the test domain controller, bound as Administrator. */
function form(overrides: Record<string, string> = {}) {
  const samba = inject("samba");
  return {
    usage: "not_use",
    url: samba.ldapsUrl,
    caCertificate: samba.caPem,
    baseDn: samba.baseDn,
    bindName: samba.adminBindName,
    bindPassword: samba.adminPassword,
    userFilter: "",
    usernameAttribute: "sAMAccountName",
    period: "daily",
    weekday: "",
    runHour: "3",
    runMinute: "0",
    runSecond: "0",
    removalThresholdPercent: "20",
    ...overrides,
  };
}
const settings = (overrides: Record<string, string> = {}) => ldapSettingsInput.parse(form(overrides));
const connection = (overrides: Record<string, string> = {}) => ldapConnectionInput.parse(form(overrides));

const storedRow = async (customerId: string) => (await db().select().from(ldapSettings).where(eq(ldapSettings.customerId, customerId)))[0];
const auditOf = (customerId: string) => db().select().from(auditLog).where(eq(auditLog.customerId, customerId));

describe("saving the Active Directory settings", () => {
  it("needs the proxy password the first time, and then stores nothing", async () => {
    const manager = await createCustomerWithManager();
    await expect(saveLdapSettings(manager, settings({ bindPassword: "" }))).rejects.toMatchObject({
      fieldErrors: { bindPassword: "Required the first time you save." },
    });
    expect(await storedRow(manager.customerId)).toBeUndefined();
    expect(await getLdapSettings({ customerId: manager.customerId })).toBeNull();
  });

  it("seals the password: never stored, returned or audited in clear", async () => {
    const manager = await createCustomerWithManager();
    const password = inject("samba").adminPassword;
    await saveLdapSettings(manager, settings());
    const row = await storedRow(manager.customerId);
    expect(row).toMatchObject({ url: inject("samba").ldapsUrl, enabled: false, updatedBy: manager.accountId });
    expect(row!.bindPasswordCiphertext).not.toContain(password);
    expect(Buffer.from(row!.bindPasswordCiphertext, "base64").toString("latin1")).not.toContain(password);

    const visible = await getLdapSettings({ customerId: manager.customerId });
    expect(visible).toMatchObject({ hasPassword: true, bindName: inject("samba").adminBindName });
    expect(JSON.stringify(visible)).not.toContain(password);
    expect(JSON.stringify(visible)).not.toContain(row!.bindPasswordCiphertext);
    // Only the worker, tests and sign-in open it.
    expect((await loadLdapConnection({ customerId: manager.customerId })).config.bindPassword).toBe(password);

    const audit = await auditOf(manager.customerId);
    expect(audit.find((a) => a.action === "ldap_settings.save")?.detail).toMatchObject({ created: true, passwordChanged: true, usage: "not_use" });
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("keeps the stored password when the field is blank, for the same server only", async () => {
    const manager = await createCustomerWithManager();
    await saveLdapSettings(manager, settings());
    const before = await storedRow(manager.customerId);

    await saveLdapSettings(manager, settings({ bindPassword: "", runHour: "5", baseDn: `CN=Users,${inject("samba").baseDn}` }));
    const after = await storedRow(manager.customerId);
    expect(after!.bindPasswordCiphertext).toBe(before!.bindPasswordCiphertext);
    expect(after).toMatchObject({ runHour: 5, baseDn: `CN=Users,${inject("samba").baseDn}` });
    const audit = await auditOf(manager.customerId);
    expect(audit.filter((a) => a.action === "ldap_settings.save").map((a) => a.detail)).toContainEqual(
      expect.objectContaining({ passwordChanged: false, changed: expect.arrayContaining(["baseDn", "runHour"]) }),
    );

    // Another server must be given the password: the stored one never follows the address elsewhere.
    await expect(saveLdapSettings(manager, settings({ bindPassword: "", url: "ldaps://evil.example:636" }))).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { bindPassword: expect.stringContaining("new server address") },
    });
    expect(await storedRow(manager.customerId)).toEqual(after);
  });

  it("schedules the import on Use in the company's time zone, and removes it on Not use", async () => {
    const manager = await createCustomerWithManager();
    await saveLdapSettings(manager, settings({ usage: "use", period: "weekly", weekday: "2", runHour: "4", runMinute: "15", runSecond: "30" }));
    const next = await nextScheduledSync({ customerId: manager.customerId, connector: "active-directory" });
    // The chosen time plus the company's own jitter (lib/sync/schedule-jitter.ts), as every schedule.
    const chosen = { period: "weekly", weekday: 2, runHour: 4, runMinute: 15, runSecond: 30 } as const;
    const pattern = scheduledPattern({ customerId: manager.customerId, connector: "active-directory" }, chosen);
    expect(next?.getTime()).toBe(nextRunAt(pattern, "Europe/Berlin").getTime());
    expect(await nextScheduledSync({ customerId: manager.customerId, connector: "entra" })).toBeNull(); // the MS AAD schedule is another one

    await saveLdapSettings(manager, settings({ usage: "not_use", bindPassword: "" }));
    expect(await nextScheduledSync({ customerId: manager.customerId, connector: "active-directory" })).toBeNull();
    expect((await storedRow(manager.customerId))!.enabled).toBe(false);
  });
});

describe("Test connection and Test authentication", () => {
  let manager: CustomerActor;
  let ou: string;

  beforeAll(async () => {
    manager = await createCustomerWithManager();
    ou = await directory().createOu();
    await directory().addUsers(ou, [
      { sAMAccountName: alice, givenName: "Alice", sn: "Example", password: ALICE_PASSWORD },
      { sAMAccountName: `carl-${suffix}`, password: "C4rl!Passw0rd", disabled: true },
    ]);
  });

  it("connects with the form's values and says what it found", async () => {
    const result = await testLdapSettings(manager, connection({ baseDn: ou }));
    expect(result).toEqual({
      ok: true,
      message: expect.stringMatching(
        new RegExp(`^Connected: the proxy user signed in and found 2 users under the base DN \\(for example (alice|carl)-${suffix}\\)\\.$`),
      ),
    });
  });

  it("explains a wrong proxy password (AD 52e), without repeating it", async () => {
    const result = await testLdapSettings(manager, connection({ baseDn: ou, bindPassword: "Not-The-Passw0rd" }));
    expect(result).toMatchObject({ ok: false, code: "wrong_password" });
    expect(result.message).toBe("The proxy user could not sign in: The password is wrong for this account. (AD error 52e)");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, manager.customerId), eq(auditLog.action, "ldap_settings.test_connection")));
    expect(audit.map((a) => a.detail)).toContainEqual(expect.objectContaining({ outcome: "wrong_password", storedPassword: false }));
    expect(JSON.stringify(audit)).not.toContain("Not-The-Passw0rd");
  });

  it("explains an untrusted certificate and a missing base DN in plain words", async () => {
    const untrusted = await testLdapSettings(manager, connection({ baseDn: ou, caCertificate: inject("samba").unrelatedCaPem }));
    expect(untrusted).toMatchObject({ ok: false, code: "untrusted_certificate", message: expect.stringContaining("Paste the certificate") });
    const missing = await testLdapSettings(manager, connection({ baseDn: `OU=nowhere,${inject("samba").baseDn}` }));
    expect(missing).toMatchObject({ ok: false, code: "base_dn_not_found", message: expect.stringContaining("base DN") });
  });

  it("needs a password before the first save; afterwards uses the stored one for the same server", async () => {
    const fresh = await createCustomerWithManager();
    await expect(testLdapSettings(fresh, connection({ baseDn: ou, bindPassword: "" }))).rejects.toMatchObject({
      fieldErrors: { bindPassword: expect.any(String) },
    });
    await saveLdapSettings(fresh, settings({ baseDn: ou }));
    expect(await testLdapSettings(fresh, connection({ baseDn: ou, bindPassword: "" }))).toMatchObject({ ok: true });
    await expect(testLdapSettings(fresh, connection({ baseDn: ou, bindPassword: "", url: "ldaps://127.0.0.2:636" }))).rejects.toMatchObject({
      fieldErrors: { bindPassword: expect.stringContaining("new server address") },
    });
  });

  it("Test authentication checks a person's password against the saved settings", async () => {
    await expect(testLdapAuthentication(manager, ldapTestAuthenticationInput.parse({ username: alice, password: ALICE_PASSWORD }))).rejects.toMatchObject({
      message: "Save the Active Directory settings first.",
    });
    await saveLdapSettings(manager, settings({ baseDn: ou }));

    const ok = await testLdapAuthentication(manager, ldapTestAuthenticationInput.parse({ username: `CONTOSO\\${alice}`, password: ALICE_PASSWORD }));
    expect(ok).toEqual({ ok: true, message: expect.stringContaining(`Authenticated: the directory accepted the password of ${alice} (Alice Example).`) });
    expect(ok.message).toContain("turn on “Configure authentication”");

    const wrong = await testLdapAuthentication(manager, ldapTestAuthenticationInput.parse({ username: `${alice}@contoso.test`, password: "Wr0ng!Passw0rd" }));
    expect(wrong).toEqual({
      ok: false,
      code: "wrong_password",
      message: `The directory refused ${alice}: The password is wrong for this account. (AD error 52e)`,
    });

    const unknown = await testLdapAuthentication(manager, ldapTestAuthenticationInput.parse({ username: "nobody", password: "Wr0ng!Passw0rd" }));
    expect(unknown).toMatchObject({ ok: false, code: "no_such_user" });

    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, manager.customerId), eq(auditLog.action, "ldap_settings.test_authentication")));
    expect(audit.map((a) => a.detail)).toEqual(
      expect.arrayContaining([
        { username: alice, outcome: "ok" },
        { username: alice, outcome: "wrong_password" },
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(ALICE_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain("Wr0ng!Passw0rd");
  });

  it("counts wrong guesses towards the directory sign-in lockout", async () => {
    const company = await createCustomerWithManager();
    await saveLdapSettings(company, settings({ baseDn: ou }));
    const guess = (password: string) => testLdapAuthentication(company, ldapTestAuthenticationInput.parse({ username: alice, password }));
    const maxFailures = Number(process.env.SIGN_IN_MAX_FAILURES ?? 10);
    for (let i = 0; i < maxFailures; i++) expect(await guess(`Wr0ng!Guess${i}`)).toMatchObject({ ok: false, code: "wrong_password" });
    await expect(guess(ALICE_PASSWORD)).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("Too many failed sign-in attempts") });
  });
});
