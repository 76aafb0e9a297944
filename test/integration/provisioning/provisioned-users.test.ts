// First: Next's request scope (see runAs) needs its AsyncLocalStorage before any Next module loads.
import { runAs } from "../../support/signed-in";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { accounts, auditLog, devices } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { listDevices } from "@/lib/devices/list-devices";
import { regenerateDeviceCredential } from "@/lib/devices/regenerate-device-credential";
import { open, seal } from "@/lib/secrets/secret-box";
import { getUser } from "@/lib/users/get-user";
import { releaseHandSetField } from "@/lib/users/release-hand-set-field";
import { updateUser } from "@/lib/users/update-user";
import type { UpdateUserInput } from "@/lib/validation/account-input";
import { regenerateDeviceCredentialAction } from "@/app/(portal)/users/actions";
import { createCustomerWithManager, createEntraEntry, createTestUser, unique } from "../../support/factories";

/** A user as provisioning makes one: linked to an entry, with its fields from the source. */
async function provisionedUser(manager: CustomerActor) {
  const entry = await createEntraEntry(manager);
  const user = await createTestUser(manager);
  await db()
    .update(accounts)
    .set({ directoryEntryId: entry.id, name: "Ann Source", email: "ann@source.example", extension: "4100", package: "Standard" })
    .where(eq(accounts.id, user.id));
  return getUser({ customerId: manager.customerId, userId: user.id });
}

const asInput = (user: Awaited<ReturnType<typeof getUser>>, change: Partial<UpdateUserInput> = {}): UpdateUserInput => ({
  id: user.id,
  name: user.name,
  email: user.email,
  extension: user.extension,
  site: user.site,
  groupMemberType: user.groupMemberType,
  package: user.package,
  userType: user.userType,
  aadLink: "unchanged",
  password: undefined,
  ...change,
});

async function deviceOf(manager: CustomerActor, accountId: string, kind: "softphone" | "mobile") {
  const sealed = seal("old-credential", manager.customerId);
  const [device] = await db()
    .insert(devices)
    .values({
      customerId: manager.customerId,
      accountId,
      kind,
      label: `${kind} of ${accountId.slice(0, 4)}`,
      sipUsername: `sip-${unique()}`,
      credentialCiphertext: sealed.ciphertext,
      credentialKeyId: sealed.keyId,
    })
    .returning();
  return device!;
}

describe("a provisioned user on the user page", () => {
  it("records each managed field a manager changes as set by hand, in the save itself, and hands one back on request", async () => {
    const manager = await createCustomerWithManager();
    const user = await provisionedUser(manager);
    expect(user).toMatchObject({ directoryEntryId: expect.any(String), entrySource: "entra", handSetFields: [] });

    // Saved unchanged: nothing is hand-set.
    await updateUser(manager, asInput(user));
    expect((await getUser({ customerId: manager.customerId, userId: user.id })).handSetFields).toEqual([]);

    await updateUser(manager, asInput(user, { extension: "4200", package: "Premium" }));
    await updateUser(manager, asInput(user, { extension: "4200", package: "Premium", site: "Berlin", groupMemberType: "multi_site" }));
    expect((await getUser({ customerId: manager.customerId, userId: user.id })).handSetFields).toEqual(["extension", "groupMemberType", "package", "site"]);

    await releaseHandSetField(manager, { userId: user.id, field: "package" });
    expect((await getUser({ customerId: manager.customerId, userId: user.id })).handSetFields).toEqual(["extension", "groupMemberType", "site"]);

    // Another company's manager cannot hand it back; a hand-made user has nothing to hand back.
    const other = await createCustomerWithManager();
    await expect(releaseHandSetField(other, { userId: user.id, field: "site" })).rejects.toMatchObject({ code: "not_found" });
    const handMade = await createTestUser(manager);
    await expect(releaseHandSetField(manager, { userId: handMade.id, field: "site" })).rejects.toMatchObject({ code: "not_found" });
    expect((await getUser({ customerId: manager.customerId, userId: user.id })).handSetFields).toEqual(["extension", "groupMemberType", "site"]);
  });

  it("tracks nothing for a hand-made user", async () => {
    const manager = await createCustomerWithManager();
    const made = await createTestUser(manager);
    const user = await getUser({ customerId: manager.customerId, userId: made.id });
    await updateUser(manager, asInput(user, { extension: "4300", site: "Paris" }));
    expect((await getUser({ customerId: manager.customerId, userId: made.id })).handSetFields).toEqual([]);
  });

  it("a sync writing at the same moment as the manager's save is not taken for the manager's hand", async () => {
    const manager = await createCustomerWithManager();
    const user = await provisionedUser(manager);
    // The sync renames the person between the page's read and the manager's save; the manager only changes the site.
    await db().update(accounts).set({ name: "Ann Renamed" }).where(eq(accounts.id, user.id));
    await updateUser(manager, asInput(user, { name: "Ann Renamed", site: "Rome" }));
    expect((await getUser({ customerId: manager.customerId, userId: user.id })).handSetFields).toEqual(["site"]);
  });

  it("lists the user's devices, and a new credential is sealed, shown once, audited without it, and never logged", async () => {
    const manager = await createCustomerWithManager();
    const user = await provisionedUser(manager);
    const softphone = await deviceOf(manager, user.id, "softphone");
    await deviceOf(manager, user.id, "mobile");
    const listed = await listDevices({ customerId: manager.customerId, accountId: user.id });
    expect(listed.map((d) => d.kind)).toEqual(["softphone", "mobile"]);
    expect(JSON.stringify(listed)).not.toContain(softphone.credentialCiphertext);

    const written: string[] = [];
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(capture);
    let state;
    try {
      state = await runAs(manager, () => regenerateDeviceCredentialAction({ status: "idle" }, formOf({ id: softphone.id })));
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    expect(state).toMatchObject({ status: "success", data: expect.stringMatching(/^[A-Za-z2-9]{28}$/) });
    const credential = (state as { data: string }).data;
    expect(written.join("")).not.toContain(credential);

    const [stored] = await db().select().from(devices).where(eq(devices.id, softphone.id));
    expect(stored!.credentialCiphertext).not.toContain(credential);
    expect(open({ ciphertext: stored!.credentialCiphertext, keyId: stored!.credentialKeyId }, manager.customerId)).toBe(credential);
    const audit = await db().select().from(auditLog).where(eq(auditLog.targetId, softphone.id));
    expect(audit).toEqual([expect.objectContaining({ action: "device.regenerate_credential", actorAccountId: manager.accountId })]);
    expect(JSON.stringify(audit)).not.toContain(credential);

    // Each time a new one.
    const again = await regenerateDeviceCredential(manager, { deviceId: softphone.id });
    expect(again.credential).not.toBe(credential);
  });

  it("refuses another company's device as not found, and changes nothing", async () => {
    const manager = await createCustomerWithManager();
    const user = await provisionedUser(manager);
    const device = await deviceOf(manager, user.id, "softphone");
    const other = await createCustomerWithManager();
    await expect(regenerateDeviceCredential(other, { deviceId: device.id })).rejects.toMatchObject({ code: "not_found" });
    expect(await runAs(other, () => regenerateDeviceCredentialAction({ status: "idle" }, formOf({ id: device.id })))).toEqual({
      status: "error",
      message: "The device was not found.",
    });
    const [stored] = await db().select().from(devices).where(eq(devices.id, device.id));
    expect(stored!.credentialCiphertext).toBe(device.credentialCiphertext);
    expect(await listDevices({ customerId: other.customerId, accountId: user.id })).toEqual([]);
  });
});

function formOf(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}
