import { describe, expect, it } from "vitest";
import { groupMemberGuids } from "@/lib/ldap/search-group-members";
import { searchDirectoryGroups } from "@/lib/ldap/search-groups";
import { searchUserPages } from "@/lib/ldap/search-user-pages";
import { sambaConfig } from "@/test/support/samba/samba-config";
import { tagged, useSambaDirectory } from "@/test/support/samba/samba-directory";

const directory = useSambaDirectory();

/** The objectGUIDs of an OU's users by sAMAccountName, as the sync keys them. */
async function guidsOf(baseDn: string): Promise<Map<string, string>> {
  const guids = new Map<string, string>();
  for await (const page of searchUserPages(sambaConfig({ baseDn }))) for (const user of page) guids.set(user.sAMAccountName!, user.objectGuid);
  return guids;
}

describe("AD groups for provisioning's scope", () => {
  it("finds the members of any of the groups, nested ones included, each once", async () => {
    const ou = await directory().createOu();
    const [ann, bob, cid] = await directory().addUsers(ou, [
      { sAMAccountName: tagged("ann") },
      { sAMAccountName: tagged("bob") },
      { sAMAccountName: tagged("cid") },
    ]);
    // A contains B, B contains bob; ann is in A and in C; cid is in none.
    const inner = await directory().addGroup(ou, "Inner B", [bob!]);
    const outer = await directory().addGroup(ou, "Outer A", [inner, ann!]);
    const other = await directory().addGroup(ou, "Other C", [ann!]);
    const guid = await guidsOf(ou);

    expect(await groupMemberGuids(sambaConfig({ baseDn: ou }), [outer])).toEqual(new Set([guid.get(tagged("ann")), guid.get(tagged("bob"))]));
    expect(await groupMemberGuids(sambaConfig({ baseDn: ou }), [inner])).toEqual(new Set([guid.get(tagged("bob"))]));
    expect(await groupMemberGuids(sambaConfig({ baseDn: ou }), [other, outer, other])).toEqual(new Set([guid.get(tagged("ann")), guid.get(tagged("bob"))]));
    expect([...(await groupMemberGuids(sambaConfig({ baseDn: ou }), [outer]))].every((g) => g === g.toLowerCase())).toBe(true);
    expect(cid).toBeDefined();
  });

  it("matches no one for an unknown group, a DN full of filter characters, or no groups, without an error", async () => {
    const ou = await directory().createOu();
    const [dan] = await directory().addUsers(ou, [{ sAMAccountName: tagged("dan") }]);
    await directory().addGroup(ou, "Real", [dan!]);
    const config = sambaConfig({ baseDn: ou });
    expect(await groupMemberGuids(config, [`CN=Nobody,${ou}`])).toEqual(new Set());
    expect(await groupMemberGuids(config, [`CN=*)(objectClass=*,${ou}`])).toEqual(new Set());
    expect(await groupMemberGuids(config, ["*"])).toEqual(new Set());
    expect(await groupMemberGuids(config, [])).toEqual(new Set());
  });

  it("finds groups by part of their name for a picker, treating filter characters literally", async () => {
    const ou = await directory().createOu();
    await directory().addGroup(ou, "Sales Team");
    await directory().addGroup(ou, "Presales (EMEA)");
    await directory().addGroup(ou, "Support*");
    const config = sambaConfig({ baseDn: ou });

    expect(await searchDirectoryGroups(config, "sales")).toEqual([
      { dn: `CN=Presales (EMEA),${ou}`, name: "Presales (EMEA)" },
      { dn: `CN=Sales Team,${ou}`, name: "Sales Team" },
    ]);
    expect((await searchDirectoryGroups(config, "(EMEA)")).map((g) => g.name)).toEqual(["Presales (EMEA)"]);
    expect((await searchDirectoryGroups(config, "*")).map((g) => g.name)).toEqual(["Support*"]);
    for (const hostile of [")(objectClass=*", "*)(|(cn=*", "\\", "\u0000", "\ud800"]) expect(await searchDirectoryGroups(config, hostile)).toEqual([]);
    expect(await searchDirectoryGroups(config, "", 2)).toHaveLength(2);
    await expect(searchDirectoryGroups(config, "x".repeat(10_000))).rejects.toThrow(/at most/);
  });
});
