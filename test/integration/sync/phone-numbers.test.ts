import type { Worker } from "bullmq";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/caller-id/route";
import { createCredential } from "@/lib/directory-credentials/credentials";
import { updateCompany } from "@/lib/customers/update-company";
import { searchDirectory } from "@/lib/directory/search-directory";
import { createCustomerWithManager } from "../../support/factories";
import {
  configureSync,
  createTenant,
  directoryOf,
  emulatorAdmin,
  expectDirectoryMatches,
  startTestWorker,
  syncNow,
  type TestTenant,
} from "../../support/sync-fixture";

/** Entra's free-text numbers, synced for a US company: kept as written, in E.164 beside them, the unreadable flagged. */
describe("phone numbers from a real Entra sync", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  let tenant: TestTenant;
  let manager: Awaited<ReturnType<typeof createCustomerWithManager>>;
  const setCountry = (defaultCountry: string | null) =>
    updateCompany(manager, { customerId: manager.customerId, name: "Phones Inc", timeZone: "America/Chicago", defaultCountry }, []);

  beforeAll(async () => {
    worker = startTestWorker();
    tenant = await createTenant(admin);
    const person = (name: string, businessPhones: string[], mobilePhone: string | null) =>
      admin.createUser(tenant.tenantId, {
        userPrincipalName: `${name.toLowerCase()}@${tenant.tenantId}.example`,
        displayName: name,
        givenName: name,
        surname: "Phones",
        businessPhones,
        mobilePhone,
      });
    await person("National", ["(425) 555-0100"], "425.555.0199 ext. 7");
    await person("Abroad", ["+49 30 1234567"], "0044 20 7946 0958");
    await person("Unreadable", ["ask reception"], "1234");
    manager = await createCustomerWithManager();
    await setCountry("US");
    await configureSync(manager, tenant);
  });
  afterAll(() => worker.close());

  it("keeps each raw number and its E.164, flags what does not parse, and a second run changes nothing", async () => {
    expect(await syncNow(manager)).toMatchObject({ status: "succeeded", created: 3 });
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId, { country: "US" });
    const byName = new Map((await directoryOf(manager.customerId)).map((e) => [e.displayName, e]));
    expect(byName.get("National")).toMatchObject({
      officePhone: "(425) 555-0100",
      officePhoneE164: "+14255550100",
      mobilePhone: "425.555.0199 ext. 7",
      mobilePhoneE164: "+14255550199",
      phonesE164: ["+14255550100", "+14255550199"],
      unparsedPhones: [],
      attributes: { businessPhones: ["(425) 555-0100"] },
    });
    expect(byName.get("Abroad")).toMatchObject({ officePhoneE164: "+49301234567", mobilePhoneE164: "+442079460958", unparsedPhones: [] });
    expect(byName.get("Unreadable")).toMatchObject({
      officePhone: "ask reception",
      officePhoneE164: null,
      mobilePhone: "1234",
      mobilePhoneE164: null,
      phonesE164: [],
      unparsedPhones: ["ask reception", "1234"],
    });

    const before = await directoryOf(manager.customerId);
    expect(await syncNow(manager, "full_resync")).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: 3 });
    expect((await directoryOf(manager.customerId)).map((e) => e.updatedAt.getTime())).toEqual(before.map((e) => e.updatedAt.getTime()));

    // Found by any format, in the directory's search and by caller ID.
    for (const q of ["0014255550199", "+1 425 555 0199", "(425) 555-0199"]) {
      expect((await searchDirectory({ customerId: manager.customerId, q })).rows.map((e) => e.displayName)).toEqual(["National"]);
    }
    const { secret: key } = await createCredential(manager, "caller_id");
    const response = await GET(new NextRequest("http://localhost:3000/api/v1/caller-id?number=0044%2020%207946%200958", { headers: { "x-api-key": key } }));
    expect(await response.json()).toMatchObject({ name: "Abroad", matchedField: "mobilePhone" });
  });

  it("reads every number again when the company's country changes, as the next run would", async () => {
    await setCountry(null);
    const national = (await directoryOf(manager.customerId)).find((e) => e.displayName === "National")!;
    expect(national).toMatchObject({ officePhoneE164: null, phonesE164: [], unparsedPhones: ["(425) 555-0100", "425.555.0199 ext. 7"] });
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId, { country: null });
    expect(await syncNow(manager, "full_resync")).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: 3 });
    await setCountry("US");
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId, { country: "US" });
  });
});
