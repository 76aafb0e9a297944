import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { DirectoryUser } from "@/lib/ldap/directory-user";
import { explainLdapError } from "@/lib/ldap/explain-ldap-error";
import { searchUserPages } from "@/lib/ldap/search-user-pages";
import { fromDirectoryUser } from "@/lib/connectors/active-directory/from-directory-user";
import { startCuttableProxy } from "@/test/support/samba/cuttable-proxy";
import { sambaConfig } from "@/test/support/samba/samba-config";
import { bulkTestUser, tagged, useSambaDirectory } from "@/test/support/samba/samba-directory";

const directory = useSambaDirectory();

describe("searchUserPages", () => {
  let bulkOu: string;

  beforeAll(async () => {
    bulkOu = await directory().bulkOu(2_500);
  });

  it("streams 2,500 users in three pages with exactly the mapped fields", async () => {
    const pages: DirectoryUser[][] = [];
    for await (const page of searchUserPages(sambaConfig({ baseDn: bulkOu }))) pages.push(page);

    expect(pages.map((page) => page.length)).toEqual([1_000, 1_000, 500]);
    const users = pages.flat();
    expect(new Set(users.map((user) => user.objectGuid)).size).toBe(2_500);
    const byName = new Map(users.map((user) => [user.sAMAccountName, user]));
    expect(byName.size).toBe(2_500);
    for (const i of [0, 7, 1234, 2499]) {
      const expected = bulkTestUser(i);
      expect(byName.get(expected.sAMAccountName)).toEqual({
        objectGuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        dn: `CN=${expected.sAMAccountName},${bulkOu}`,
        sAMAccountName: expected.sAMAccountName,
        userPrincipalName: `${expected.sAMAccountName}@contoso.test`,
        givenName: expected.givenName,
        sn: expected.sn,
        mail: expected.mail,
        telephoneNumber: expected.telephoneNumber,
        mobile: expected.mobile,
        title: null,
        department: null,
        ipPhone: null,
        otherTelephone: [],
        manager: null,
        physicalDeliveryOfficeName: null,
        employeeID: null,
        company: null,
        l: null,
        co: null,
        disabled: expected.disabled,
      });
    }
    expect(users.filter((user) => user.disabled)).toHaveLength(25);
  });

  it("maps missing attributes to null and follows renames, disabling and deletion", async () => {
    const ou = await directory().createOu();
    const [sparse, alice, gone] = await directory().addUsers(ou, [
      { sAMAccountName: tagged("sparse") },
      { sAMAccountName: tagged("alice"), givenName: "Alice", sn: "Old", mail: "alice@contoso.test" },
      { sAMAccountName: tagged("gone") },
    ]);
    const before = await allUsers(ou);

    const renamed = await directory().rename(alice!, "alice-renamed");
    await directory().modify(renamed, { sn: "New", mail: null });
    await directory().setDisabled(renamed, true);
    await directory().delete(gone!);
    const after = await allUsers(ou);

    expect(after.get(tagged("sparse"))).toMatchObject({
      dn: sparse,
      givenName: null,
      sn: null,
      mail: null,
      telephoneNumber: null,
      mobile: null,
      disabled: false,
    });
    expect(after.has(tagged("gone"))).toBe(false);
    expect(after.get(tagged("alice"))).toMatchObject({
      objectGuid: before.get(tagged("alice"))!.objectGuid,
      dn: renamed,
      sn: "New",
      mail: null,
      disabled: true,
    });
  });

  it("reads title, department and the extra attributes, every otherTelephone, and the manager's DN; the connector maps them", async () => {
    const ou = await directory().createOu();
    const boss = await directory().addUser(ou, { sAMAccountName: tagged("boss") });
    const [dn] = await directory().addUsers(ou, [
      {
        sAMAccountName: tagged("rich"),
        extra: {
          title: "Auditor",
          department: "Finance",
          ipPhone: "1234",
          otherTelephone: ["+1 425 555 0101", "+1 425 555 0102"],
          manager: boss,
          physicalDeliveryOfficeName: "18/2111",
          employeeID: "E-4711",
          company: "Contoso",
          l: "Redmond",
          co: "United States",
        },
      },
    ]);
    const rich = (await allUsers(ou)).get(tagged("rich"))!;
    expect(rich).toMatchObject({
      dn,
      title: "Auditor",
      department: "Finance",
      ipPhone: "1234",
      manager: boss,
      physicalDeliveryOfficeName: "18/2111",
      employeeID: "E-4711",
      company: "Contoso",
      l: "Redmond",
      co: "United States",
    });
    expect([...rich.otherTelephone].sort()).toEqual(["+1 425 555 0101", "+1 425 555 0102"]);
    const { fields } = fromDirectoryUser(rich, null);
    expect(fields).toMatchObject({ jobTitle: "Auditor", department: "Finance" });
    expect(fields.attributes).toEqual({
      ipPhone: "1234",
      otherTelephone: rich.otherTelephone,
      manager: boss,
      officeLocation: "18/2111",
      employeeId: "E-4711",
      companyName: "Contoso",
      city: "Redmond",
      country: "United States",
    });
    // With the company's country, every other telephone is also in E.164 (ipPhone, the extension, is not a number).
    expect(fromDirectoryUser(rich, "US").fields.phonesE164).toEqual(expect.arrayContaining(["+14255550101", "+14255550102"]));
    // Someone with none of them has no attributes at all, and no title or department.
    const sparse = fromDirectoryUser((await allUsers(ou)).get(tagged("boss"))!, null).fields;
    expect(sparse).toMatchObject({ jobTitle: null, department: null, attributes: {} });
  });

  it("reads objectGUID the way Samba itself shows it", async () => {
    const ou = await directory().createOu();
    await directory().addUser(ou, { sAMAccountName: `guid${Date.now() % 100_000}` });
    const [user] = [...(await allUsers(ou)).values()];
    const { stdout } = await promisify(execFile)("samba-tool", [
      "user",
      "show",
      user!.sAMAccountName!,
      "--attributes=objectGUID",
      "-s",
      inject("samba").configPath,
    ]);
    expect(stdout).toContain(`objectGUID: ${user!.objectGuid}`);
  });

  it("leaves out computers and the built-in accounts (Administrator, Guest, krbtgt, dns-…)", async () => {
    const names: string[] = [];
    for await (const page of searchUserPages(sambaConfig())) names.push(...page.map((user) => user.sAMAccountName ?? ""));
    expect(names).toContain("bulk0");
    for (const builtIn of ["Administrator", "Guest", "krbtgt"]) expect(names).not.toContain(builtIn);
    expect(names.filter((name) => name.startsWith("dns-") || name.endsWith("$"))).toEqual([]);
  });

  it("fails retryably when the server goes away between two pages", async () => {
    const samba = inject("samba");
    const proxy = await startCuttableProxy({ host: "127.0.0.1", port: Number(new URL(samba.ldapsUrl).port) });
    try {
      const pages = searchUserPages(sambaConfig({ url: `ldaps://${proxy.host}:${proxy.port}`, baseDn: bulkOu }));
      expect((await pages.next()).value).toHaveLength(1_000);
      proxy.cut();
      const error = await pages.next().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(explainLdapError(error)).toMatchObject({ code: "connection_lost", retryable: true });
    } finally {
      await proxy.close();
    }
  });
});

async function allUsers(baseDn: string): Promise<Map<string | null, DirectoryUser>> {
  const users = new Map<string | null, DirectoryUser>();
  for await (const page of searchUserPages(sambaConfig({ baseDn }))) for (const user of page) users.set(user.sAMAccountName, user);
  return users;
}
