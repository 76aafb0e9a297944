import { describe, expect, it } from "vitest";
import { freePortalIds } from "@/lib/provisioning/portal-ids";
import { createCustomerWithManager, createTestUser } from "../../support/factories";

describe("portal IDs for provisioned people", () => {
  it("gives each the plain ID when free, else the lowest free suffix, however many are taken, and never one ID twice", async () => {
    const manager = await createCustomerWithManager();
    // ann and ann-2 … ann-11 are taken by hand: the next free one is past the first round of ten suffixes.
    for (const localPart of ["ann", ...Array.from({ length: 10 }, (_, i) => `ann-${i + 2}`), "bo-2"]) await createTestUser(manager, { localPart });

    const ids = await freePortalIds(["ann", "bo", "bo", "cy", "ann"], manager.slug);

    expect(ids).toEqual([`ann-12@${manager.slug}`, `bo@${manager.slug}`, `bo-3@${manager.slug}`, `cy@${manager.slug}`, `ann-13@${manager.slug}`]);
    // Stable: the same people, asked again while nothing is taken meanwhile, get the same IDs.
    expect(await freePortalIds(["ann", "bo", "bo", "cy", "ann"], manager.slug)).toEqual(ids);
  });

  it("finds nothing of another company's: its IDs end in its own slug", async () => {
    const [mine, theirs] = await Promise.all([createCustomerWithManager(), createCustomerWithManager()]);
    await createTestUser(theirs, { localPart: "dee" });
    expect(await freePortalIds(["dee"], mine.slug)).toEqual([`dee@${mine.slug}`]);
  });
});
