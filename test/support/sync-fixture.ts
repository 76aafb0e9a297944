import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Worker } from "bullmq";
import { expect, inject } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, syncRuns, type SourceAttributes, type SyncRun } from "@/db/schema";
import { createEmulatorAdmin, type EmulatorAdmin } from "@/emulator";
import type { CustomerActor } from "@/lib/actor";
import { createCustomerWithManager } from "./factories";
import { saveEntraSettings } from "@/lib/connectors/entra/settings/save-entra-settings";
import { directorySyncQueueName, type DirectorySyncPayload } from "@/lib/jobs/directory-sync-job";
import { createWorker } from "@/lib/jobs/queue-backend";
import { processSyncJob } from "@/lib/sync/process-sync-job";
import { startRun } from "@/lib/sync/start-run";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { syncedFieldNames, type SyncedFieldName, type SyncedFields } from "@/lib/sync/synced-fields";
import { entraSettingsInput, type EntraSettingsInput } from "@/lib/validation/entra-settings-input";
import { connectorOf } from "@/lib/connectors/registry";

export const emulatorAdmin = (): EmulatorAdmin => createEmulatorAdmin(inject("emulatorUrl"), inject("emulatorAdminKey"));

export type TestTenant = { tenantId: string; clientId: string; clientSecret: string };

/** A tenant of its own in the shared emulator, with an app allowed to read users. */
export async function createTenant(admin: EmulatorAdmin, opts: { users?: number; permissions?: string[] } = {}): Promise<TestTenant> {
  const tenant = await admin.createTenant({ displayName: `Test ${randomUUID().slice(0, 6)}` });
  const app = await admin.createApp(tenant.id, {
    displayName: "Switchboard test",
    permissions: opts.permissions ?? ["User.Read.All", "GroupMember.Read.All"],
    secret: {},
  });
  if (opts.users) await admin.generateUsers(tenant.id, opts.users, tenant.id);
  return { tenantId: tenant.id, clientId: app.clientId, clientSecret: app.secret!.value };
}

export function settingsFor(tenant: TestTenant, overrides: Partial<Record<string, string>> = {}): EntraSettingsInput {
  return entraSettingsInput.parse({
    usage: "not_use",
    tenantId: tenant.tenantId,
    clientId: tenant.clientId,
    clientSecret: tenant.clientSecret,
    period: "daily",
    weekday: "",
    runHour: "2",
    runMinute: "0",
    runSecond: "0",
    skipGuests: "on",
    skipDisabled: "",
    groupFilter: "",
    removalThresholdPercent: "20",
    ...overrides,
  });
}

export async function configureSync(manager: CustomerActor, tenant: TestTenant, overrides: Partial<Record<string, string>> = {}) {
  return saveEntraSettings(manager, settingsFor(tenant, overrides));
}

/**
 * A customer whose MS AAD settings name a tenant of its own in the emulator,
 * proven on save with the app's real secret: what linking, SCIM identities and
 * Microsoft sign-in need. Entries made by createEntraEntry land in that tenant.
 */
export async function createEntraCompany(opts: { usage?: "use" | "not_use"; users?: number } = {}) {
  const tenant = await createTenant(emulatorAdmin(), { users: opts.users });
  const manager = await createCustomerWithManager();
  const { tenantProven } = await configureSync(manager, tenant, { usage: opts.usage ?? "use" });
  expect(tenantProven).toBe(true);
  return { manager, tenant };
}

/** A worker in the test process, on whichever queue backend the run uses. */
export function startTestWorker(): Worker<DirectorySyncPayload> {
  return createWorker<DirectorySyncPayload>(directorySyncQueueName, (job) => processSyncJob(job, connectorOf), {
    concurrency: 2,
    lockDuration: 2000,
    stalledInterval: 2000,
    maxStalledCount: 2,
  });
}

export async function waitForRun(runId: string, timeoutMs = 45_000): Promise<SyncRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, runId));
    if (run && !["queued", "running"].includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts a run as the manager would and waits for its outcome. */
export async function syncNow(manager: CustomerActor, trigger: "one_time" | "simulate" | "full_resync" = "one_time"): Promise<SyncRun> {
  const run = await startRun(manager, trigger, connectorOf("entra"));
  return waitForRun(run.id);
}

export function directoryOf(customerId: string) {
  return db().select().from(directoryEntries).where(eq(directoryEntries.customerId, customerId)).orderBy(asc(directoryEntries.aadObjectId));
}

/** The emulator's live users of a tenant, as the directory should show them. */
export async function truthOf(admin: EmulatorAdmin, tenantId: string) {
  const users = [];
  let page = await admin.listUsers(tenantId, { limit: 500 });
  users.push(...page.users);
  while (page.next !== null) {
    page = await admin.listUsers(tenantId, { limit: 500, after: page.next });
    users.push(...page.users);
  }
  return users;
}

type TruthUser = Awaited<ReturnType<typeof truthOf>>[number];

/**
 * What each synced field should hold, read from the emulator's truth the way
 * Entra means it — written out here, not taken from the connector's mapping,
 * so a mapping that drops or garbles a field fails. Keyed by every synced
 * field (lib/sync/synced-fields.ts): a field added there fails the type check
 * here until the fixture says what Entra gives for it.
 */
const fromTruth: { [F in SyncedFieldName]: (u: TruthUser) => SyncedFields[F] } = {
  userPrincipalName: (u) => u.userPrincipalName,
  firstName: (u) => u.givenName,
  lastName: (u) => u.surname,
  displayName: (u) => u.displayName || [u.givenName, u.surname].filter(Boolean).join(" ") || u.userPrincipalName,
  email: (u) => u.mail,
  // The iPECS office phone is the first business phone.
  officePhone: (u) => u.businessPhones[0] ?? null,
  mobilePhone: (u) => u.mobilePhone,
  jobTitle: (u) => u.jobTitle,
  department: (u) => u.department,
  // sAMAccountName is Active Directory's; Entra has none.
  accountName: () => null,
  // Said by phonesOfTruth, which needs the company's country.
  officePhoneE164: () => null,
  mobilePhoneE164: () => null,
  phonesE164: () => [],
  unparsedPhones: () => [],
  // The extra attributes under Graph's names, only those with a value; every business phone.
  attributes: (u) => {
    const given: [string, string | readonly string[] | null | undefined][] = [
      ["officeLocation", u.officeLocation],
      ["employeeId", u.employeeId],
      ["companyName", u.companyName],
      ["city", u.city],
      ["country", u.country],
      ["manager", u.managerId],
      ...Object.entries(u.onPremisesExtensionAttributes ?? {}),
      ["businessPhones", u.businessPhones.length > 0 ? u.businessPhones : null],
    ];
    const out: SourceAttributes = {};
    for (const [key, value] of given) if (value !== null && value !== undefined) out[key] = typeof value === "string" ? value : [...value];
    return out;
  },
};

/**
 * The numbers in E.164, read here with libphonenumber-js itself (not through the connector): office, mobile and
 * every business phone, each once; what does not parse (with no default country, every national-format number
 * not dialled with 00) is kept as written in unparsedPhones.
 */
function phonesOfTruth(u: TruthUser, country: CountryCode | null) {
  const e164 = (raw: string | null) => {
    if (!raw) return null;
    const parsed = parsePhoneNumberFromString(raw, country ? { defaultCountry: country } : undefined);
    if (parsed?.isPossible()) return parsed.number;
    // 00 is the international prefix in most of the world, whatever the company's country.
    const international = raw.trim().startsWith("00") ? parsePhoneNumberFromString(`+${raw.trim().slice(2)}`) : undefined;
    return international?.isPossible() ? international.number : null;
  };
  const all = [u.businessPhones[0] ?? null, u.mobilePhone, ...u.businessPhones].filter((p): p is string => Boolean(p));
  return {
    officePhoneE164: e164(u.businessPhones[0] ?? null),
    mobilePhoneE164: e164(u.mobilePhone),
    phonesE164: [...new Set(all.map(e164).filter((p): p is string => p !== null))],
    unparsedPhones: [...new Set(all.filter((p) => e164(p) === null))],
  };
}

/** Every synced field plus the key and status, as the emulator's truth says the directory should hold them. */
export function expectedEntry(u: TruthUser, country: CountryCode | null = null) {
  const phones = phonesOfTruth(u, country);
  const withPhones = { ...fromTruth, ...Object.fromEntries(Object.entries(phones).map(([k, v]) => [k, () => v])) } as typeof fromTruth;
  return {
    aadObjectId: u.id,
    ...Object.fromEntries(syncedFieldNames.map((f) => [f, withPhones[f](u)])),
    status: u.state === "active" ? (u.accountEnabled ? "active" : "disabled") : "removed",
  };
}

/** The same of a directory entry: its key, every synced field, and its status. */
export const syncedFields = (e: Awaited<ReturnType<typeof directoryOf>>[number]) => ({
  aadObjectId: e.aadObjectId,
  ...Object.fromEntries(syncedFieldNames.map((f) => [f, e[f]])),
  status: e.status,
});

/**
 * Whether the directory says what the tenant says: every live member with the
 * right fields and status, every deleted one (soft or hard) still listed but
 * marked removed, and nothing the tenant never had.
 */
export async function expectDirectoryMatches(
  admin: EmulatorAdmin,
  tenantId: string,
  customerId: string,
  opts: { guests?: boolean; country?: CountryCode | null } = {},
) {
  const synced = (await truthOf(admin, tenantId)).filter((u) => opts.guests || u.userType === "Member");
  const truth = new Map(synced.map((u) => [u.id, expectedEntry(u, opts.country ?? null)]));
  const entries = await directoryOf(customerId);
  expect(entries.map(syncedFields)).toEqual(entries.map((e) => truth.get(e.aadObjectId!) ?? { aadObjectId: e.aadObjectId, unknown: true }));
  const live = [...truth.values()].filter((u) => u.status !== "removed").map((u) => u.aadObjectId);
  expect(entries.map((e) => e.aadObjectId)).toEqual(expect.arrayContaining(live));
}
