import type { Worker } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/db/client";
import { syncRunChanges, syncRunCreatedPages } from "@/db/schema";
import { confirmRemovals } from "@/lib/sync/confirm-removals";
import { listRunChanges } from "@/lib/sync/history/list-run-changes";
import { createCustomerWithManager } from "../../support/factories";
import { configureLdap, importedEntries, importNow } from "../../support/ldap-fixture";
import { startCuttableProxy } from "../../support/samba/cuttable-proxy";
import { bulkTestUser, useSambaDirectory } from "../../support/samba/samba-directory";
import { startTestWorker } from "../../support/sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

describe("Active Directory import (LDAPS, against Samba)", () => {
  const directory = useSambaDirectory();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("imports 2,500 users across pages with the fields exact, then changes nothing on a second run", { timeout: 180_000 }, async () => {
    const baseDn = await directory().bulkOu(2_500);
    const manager = await createCustomerWithManager();
    await configureLdap(manager, { baseDn });

    const first = await importNow(manager);
    expect(first).toMatchObject({
      status: "succeeded",
      connector: "active-directory",
      round: "full",
      created: 2_500,
      pagesFetched: 3,
      entriesProcessed: 2_500,
      removed: 0,
    });
    const entries = await importedEntries(manager.customerId);
    expect(entries).toHaveLength(2_500);
    const byAccount = new Map(entries.map((e) => [e.accountName, e]));
    for (let i = 0; i < 2_500; i++) {
      const user = bulkTestUser(i);
      expect(byAccount.get(user.sAMAccountName), user.sAMAccountName).toMatchObject({
        source: "active-directory",
        firstName: user.givenName,
        lastName: user.sn,
        displayName: `${user.givenName} ${user.sn}`,
        email: user.mail,
        officePhone: user.telephoneNumber,
        mobilePhone: user.mobile,
        status: user.disabled ? "disabled" : "active",
        aadObjectId: null,
      });
    }
    expect(entries.every((e) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(e.ldapObjectGuid ?? ""))).toBe(true);

    const second = await importNow(manager);
    expect(second).toMatchObject({ status: "succeeded", created: 0, updated: 0, disabled: 0, removed: 0, unchanged: 2_500 });
    expect((await listRunChanges({ customerId: manager.customerId, runId: second.id })).total).toBe(0);
  });

  it("leaves out computers and built-in accounts (Administrator, Guest, krbtgt) with the default filter", async () => {
    const manager = await createCustomerWithManager();
    // The whole domain as the base: Simulate reports what would be imported and writes nothing.
    await configureLdap(manager, { baseDn: inject("samba").baseDn });
    const run = await importNow(manager, "simulate");
    expect(run.status).toBe("succeeded");
    const names = (await db().select().from(syncRunCreatedPages).where(eq(syncRunCreatedPages.runId, run.id))).flatMap((p) =>
      p.entries.map((e) => e.accountName),
    );
    expect(names.length).toBeGreaterThan(0);
    for (const builtIn of ["Administrator", "Guest", "krbtgt"]) expect(names).not.toContain(builtIn);
    expect(names.some((n) => String(n).endsWith("$"))).toBe(false);
    expect(await importedEntries(manager.customerId)).toHaveLength(0);
  });

  it("reflects a renamed, a disabled and a deleted user; deletions only after a completed run", async () => {
    const ou = await directory().createOu();
    const dns = await directory().addUsers(
      ou,
      Array.from({ length: 10 }, (_, i) => ({
        sAMAccountName: `person${i}-${ou.slice(5, 11)}`,
        givenName: `Person${i}`,
        sn: "Before",
        mail: `p${i}@contoso.test`,
      })),
    );
    const manager = await createCustomerWithManager();
    await configureLdap(manager, { baseDn: ou });
    expect(await importNow(manager)).toMatchObject({ status: "succeeded", created: 10 });

    await directory().modify(dns[0]!, { givenName: "Renamed", sn: "After", mail: "renamed@contoso.test" });
    await directory().setDisabled(dns[1]!, true);
    await directory().delete(dns[2]!);
    const run = await importNow(manager);
    expect(run).toMatchObject({ status: "succeeded", updated: 1, disabled: 1, removed: 1, unchanged: 7 });

    const entries = new Map((await importedEntries(manager.customerId)).map((e) => [e.accountName, e]));
    expect(entries.get(`person0-${ou.slice(5, 11)}`)).toMatchObject({
      firstName: "Renamed",
      lastName: "After",
      displayName: "Renamed After",
      email: "renamed@contoso.test",
      status: "active",
    });
    expect(entries.get(`person1-${ou.slice(5, 11)}`)!.status).toBe("disabled");
    expect(entries.get(`person2-${ou.slice(5, 11)}`)!.status).toBe("removed");
    const changes = await db().select().from(syncRunChanges).where(eq(syncRunChanges.runId, run.id));
    expect(changes.find((c) => c.kind === "updated")!.fields).toMatchObject({ firstName: ["Person0", "Renamed"], lastName: ["Before", "After"] });

    // Re-enabled in AD: active again.
    await directory().setDisabled(dns[1]!, false);
    expect(await importNow(manager)).toMatchObject({ status: "succeeded", updated: 1 });
    expect((await importedEntries(manager.customerId)).find((e) => e.accountName === `person1-${ou.slice(5, 11)}`)!.status).toBe("active");
  });

  it("holds back removals above the threshold until a manager confirms", async () => {
    const ou = await directory().createOu();
    const dns = await directory().addUsers(
      ou,
      Array.from({ length: 10 }, (_, i) => ({ sAMAccountName: `leaver${i}-${ou.slice(5, 11)}` })),
    );
    const manager = await createCustomerWithManager();
    await configureLdap(manager, { baseDn: ou });
    await importNow(manager);
    for (const dn of dns.slice(0, 4)) await directory().delete(dn);

    const held = await importNow(manager);
    expect(held).toMatchObject({ status: "needs_confirmation", pendingRemovals: 4, removed: 0 });
    expect((await importedEntries(manager.customerId)).filter((e) => e.status === "removed")).toHaveLength(0);
    await confirmRemovals(manager, { runId: held.id }, connectorOf);
    expect((await importedEntries(manager.customerId)).filter((e) => e.status === "removed")).toHaveLength(4);
  });

  it("fails clearly when the directory server goes away mid-import, and removes nothing", { timeout: 120_000 }, async () => {
    const baseDn = await directory().bulkOu(2_500);
    const manager = await createCustomerWithManager();
    await configureLdap(manager, { baseDn });
    expect((await importNow(manager)).status).toBe("succeeded");

    const samba = new URL(inject("samba").ldapsUrl);
    const proxy = await startCuttableProxy({ host: samba.hostname, port: Number(samba.port || 636) });
    await configureLdap(manager, { baseDn, url: `ldaps://${proxy.host}:${proxy.port}` });
    // The server stops once the first page (well over 100 kB) is on its way: no attempt can reconnect.
    void proxy.afterServerSent(100_000).then(() => proxy.close());
    const run = await importNow(manager);
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/directory server|connection|reach/i);
    expect(run.attempts).toBeGreaterThan(1);
    const entries = await importedEntries(manager.customerId);
    expect(entries).toHaveLength(2_500);
    expect(entries.filter((e) => e.status === "removed")).toHaveLength(0);
  });
});
