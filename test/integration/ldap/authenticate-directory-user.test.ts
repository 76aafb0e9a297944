import { Client } from "ldapts";
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { authenticateDirectoryUser } from "@/lib/ldap/authenticate-directory-user";
import type { LdapConnectionConfig } from "@/lib/ldap/ldap-connection-config";
import { sambaConfig } from "@/test/support/samba/samba-config";
import { tagged, useSambaDirectory } from "@/test/support/samba/samba-directory";

const directory = useSambaDirectory();
const BOB_PASSWORD = "B0b!Passw0rd";
const [bob, carol, nopass, dup] = ["bob", "carol", "nopass", "dup"].map(tagged) as [string, string, string, string];

describe("authenticateDirectoryUser", () => {
  let config: LdapConnectionConfig;
  let bobDn: string;

  beforeAll(async () => {
    const ou = await directory().createOu();
    config = sambaConfig({ baseDn: ou });
    [bobDn] = (await directory().addUsers(ou, [
      { sAMAccountName: bob, givenName: "Bob", sn: "Example", mail: `${bob}@contoso.test`, password: BOB_PASSWORD },
      { sAMAccountName: carol, password: "C4rol!Passw0rd", disabled: true },
      { sAMAccountName: nopass },
      // Two accounts whose UPNs share "dup@": a name that finds both must sign in neither.
      { sAMAccountName: `${dup}1`, userPrincipalName: `${dup}@contoso.test`, password: "Dup!Passw0rd1" },
      { sAMAccountName: `${dup}2`, userPrincipalName: `${dup}@other.test`, password: "Dup!Passw0rd1" },
    ])) as [string];
  });

  it("signs bob in with the right password, returning his entry", async () => {
    const result = await authenticateDirectoryUser(config, bob, BOB_PASSWORD);
    expect(result).toEqual({
      ok: true,
      user: expect.objectContaining({
        dn: bobDn,
        sAMAccountName: bob,
        givenName: "Bob",
        mail: `${bob}@contoso.test`,
        disabled: false,
        objectGuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    });
  });

  it("takes CONTOSO\\bob and bob@contoso.test as bob", async () => {
    for (const name of [`CONTOSO\\${bob}`, `${bob}@contoso.test`, `  ${bob}  `]) {
      expect(await authenticateDirectoryUser(config, name, BOB_PASSWORD)).toMatchObject({ ok: true, user: { sAMAccountName: bob } });
    }
  });

  it("matches by userPrincipalName when configured to", async () => {
    const byUpn = { ...config, usernameAttribute: "userPrincipalName" as const };
    expect(await authenticateDirectoryUser(byUpn, `${bob}@contoso.test`, BOB_PASSWORD)).toMatchObject({
      ok: true,
      user: { userPrincipalName: `${bob}@contoso.test` },
    });
    expect(await authenticateDirectoryUser(byUpn, bob, BOB_PASSWORD)).toMatchObject({ ok: true });
    expect(await authenticateDirectoryUser(byUpn, dup, "Dup!Passw0rd1")).toMatchObject({ ok: false, stage: "user", problem: { code: "ambiguous_user" } });
  });

  it("refuses a wrong password (AD 52e)", async () => {
    expect(await authenticateDirectoryUser(config, bob, "wrong-Passw0rd")).toMatchObject({
      ok: false,
      stage: "user",
      problem: { code: "wrong_password", retryable: false },
    });
  });

  it("refuses an empty or blank password without binding at all", async () => {
    const bind = vi.spyOn(Client.prototype, "bind");
    try {
      for (const password of ["", "   "]) {
        expect(await authenticateDirectoryUser(config, bob, password)).toMatchObject({ ok: false, stage: "user", problem: { code: "empty_password" } });
        // A user without a password could otherwise "sign in" through an unauthenticated bind.
        expect(await authenticateDirectoryUser(config, nopass, password)).toMatchObject({ ok: false, problem: { code: "empty_password" } });
      }
      expect(bind).not.toHaveBeenCalled();
    } finally {
      bind.mockRestore();
    }
  });

  it("refuses a disabled account (AD 533)", async () => {
    expect(await authenticateDirectoryUser(config, carol, "C4rol!Passw0rd")).toMatchObject({
      ok: false,
      stage: "user",
      problem: { code: "account_disabled" },
    });
  });

  it("refuses an unknown user, and built-in accounts the filter leaves out", async () => {
    expect(await authenticateDirectoryUser(config, "nobody", "Whatever!1")).toMatchObject({ ok: false, stage: "user", problem: { code: "no_such_user" } });
    const wholeDomain = { ...config, baseDn: inject("samba").baseDn };
    expect(await authenticateDirectoryUser(wholeDomain, "Administrator", inject("samba").adminPassword)).toMatchObject({
      ok: false,
      problem: { code: "no_such_user" },
    });
  });

  it("finds nothing for a filter injection attempt", async () => {
    for (const name of ["*)(sAMAccountName=*", "*", "bob)(|(sAMAccountName=*"]) {
      expect(await authenticateDirectoryUser(config, name, BOB_PASSWORD)).toMatchObject({ ok: false, stage: "user", problem: { code: "no_such_user" } });
    }
  });

  it("blames the directory, not the person, when the service account is refused", async () => {
    expect(await authenticateDirectoryUser({ ...config, bindPassword: "wrong" }, bob, BOB_PASSWORD)).toMatchObject({
      ok: false,
      stage: "directory",
      problem: { code: "wrong_password" },
    });
  });

  it("accepts a password set after the account was read", async () => {
    // The old password is not checked here: like AD (OldPasswordAllowedPeriod), Samba
    // keeps accepting the previous password for an hour ("old password allowed period").
    await directory().setPassword(bobDn, "N3w!Passw0rd");
    try {
      expect(await authenticateDirectoryUser(config, bob, "N3w!Passw0rd")).toMatchObject({ ok: true });
      expect(await authenticateDirectoryUser(config, bob, "Th1rd!Passw0rd")).toMatchObject({ ok: false, problem: { code: "wrong_password" } });
    } finally {
      await directory().setPassword(bobDn, BOB_PASSWORD);
    }
  });
});
