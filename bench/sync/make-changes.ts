import type { EmulatorAdmin } from "../../emulator";

export type ChangeMix = { created: number; updated: number; disabled: number; removed: number };

/**
 * A hundred changes in the tenant, as a day in a large company might bring:
 * 40 people updated, 20 disabled, 10 soft-deleted and 10 hard-deleted (both
 * removed in the directory), 20 new. Returns what the next incremental run
 * should report. Each `round` changes other values and adds other people, so
 * the rounds can follow each other.
 */
export async function makeChanges(admin: EmulatorAdmin, tenantId: string, round: number): Promise<ChangeMix> {
  const { users } = await admin.listUsers(tenantId, { state: "active", limit: 200 });
  const people = users.filter((u) => u.accountEnabled && u.userType === "Member");
  if (people.length < 80) throw new Error(`Only ${people.length} enabled members to change`);
  const domain = people[0]!.userPrincipalName.split("@")[1]!;
  for (const u of people.slice(0, 40))
    await admin.updateUser(tenantId, u.id, { jobTitle: `Benchmark lead ${round}`, mobilePhone: `+1 555 01${String(round).padStart(2, "0")}` });
  for (const u of people.slice(40, 60)) await admin.disableUser(tenantId, u.id);
  for (const u of people.slice(60, 70)) await admin.softDeleteUser(tenantId, u.id);
  for (const u of people.slice(70, 80)) await admin.hardDeleteUser(tenantId, u.id);
  for (let i = 0; i < 20; i++) {
    const name = `bench.hire${round}.${i}`;
    await admin.createUser(tenantId, {
      userPrincipalName: `${name}@${domain}`,
      displayName: `Bench Hire ${round}.${i}`,
      givenName: "Bench",
      surname: `Hire ${round}.${i}`,
      mail: `${name}@${domain}`,
    });
  }
  return { created: 20, updated: 40, disabled: 20, removed: 20 };
}
