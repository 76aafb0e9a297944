import type { Worker } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { signInWithDirectory } from "@/lib/auth/sign-in-with-directory";
import { createCustomerWithManager, unique } from "../../support/factories";
import { configureLdap, importNow } from "../../support/ldap-fixture";
import { enableProvisioning, provisionedLogins, recordsOf } from "../../support/provisioning-fixture";
import { useSambaDirectory } from "../../support/samba/samba-directory";
import { startTestWorker } from "../../support/sync-fixture";

describe("provisioning from Active Directory (against Samba)", () => {
  const directory = useSambaDirectory();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("numbers people from ipPhone, scopes by nested groups, and suspends a disabled person for every sign-in", async () => {
    const tag = unique();
    const ou = await directory().createOu();
    const password = "K1m!Passw0rd";
    const [kim, lou, max] = await directory().addUsers(ou, [
      { sAMAccountName: `kim${tag}`, givenName: "Kim", sn: "Phone", password, extra: { ipPhone: "3101" } },
      { sAMAccountName: `lou${tag}`, givenName: "Lou", sn: "Nested", extra: { ipPhone: "+49 30 555 3102" } },
      { sAMAccountName: `max${tag}`, givenName: "Max", sn: "Outside", extra: { ipPhone: "3103" } },
    ]);
    const inner = await directory().addGroup(ou, `Inner ${tag}`, [lou!]);
    const outer = await directory().addGroup(ou, `Phones ${tag}`, [kim!, inner]);
    const manager = await createCustomerWithManager();
    await configureLdap(manager, { baseDn: ou, authenticationEnabled: true, removalThresholdPercent: 100 });
    await enableProvisioning(manager.customerId, "active-directory", {
      extensionMode: "attribute",
      extensionAttribute: "ipPhone",
      extensionRule: "last_digits",
      extensionDigits: 4,
      scopeGroups: [{ id: outer, displayName: "Phones" }],
    });
    const first = await importNow(manager);
    expect(first.status).toBe("succeeded");
    expect((await provisionedLogins(manager.customerId)).map((l) => [l.portalId, l.extension]).sort()).toEqual([
      [`kim${tag}@${manager.slug}`, "3101"],
      [`lou${tag}@${manager.slug}`, "3102"],
    ]);
    expect(max).toBeDefined();
    // Linked at creation: Kim signs in with the directory password at once.
    const signIn = () => signInWithDirectory({ company: manager.slug, username: `kim${tag}`, password, clientAddress: `10.7.${tag.length}.1` });
    await expect(signIn()).resolves.toMatchObject({ portalId: `kim${tag}@${manager.slug}` });

    await directory().setDisabled(kim!, true);
    const second = await importNow(manager);
    expect((await recordsOf(second.id)).map((r) => [r.displayName, r.action])).toEqual([["Kim Phone", "suspended"]]);
    await expect(signIn()).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("disabled") });
    // Enabled again in AD, and its entry active before any run: the suspended login is still refused.
    await directory().setDisabled(kim!, false);
    await db()
      .update(directoryEntries)
      .set({ status: "active" })
      .where(eq(directoryEntries.accountName, `kim${tag}`));
    await expect(signIn()).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("suspended") });
    const third = await importNow(manager);
    expect((await recordsOf(third.id)).map((r) => [r.displayName, r.action])).toEqual([["Kim Phone", "restored"]]);
    await expect(signIn()).resolves.toMatchObject({ portalId: `kim${tag}@${manager.slug}` });
  });
});
