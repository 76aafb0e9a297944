import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { insertJsonRows } from "@/db/insert-json-rows";
import { jsonParameter, uuidArray } from "@/db/sql-names";
import { accounts, devices, managedColumns, managedFields, type DeviceKind, type ManagedField, type ProvisioningSettings } from "@/db/schema";
import { noPortalPasswordHash } from "@/lib/accounts/no-portal-password";
import { violatedConstraint } from "@/lib/db-errors";
import { newDevice } from "@/lib/devices/new-device";
import { logger } from "@/lib/logger";
import { ofCustomer } from "@/lib/tenancy";
import { decideExtensions, type ExtensionNeed } from "./decide-extensions";
import type { Person } from "./people";
import { freePortalIds, localPartOf } from "./portal-ids";
import type { ProvisioningSource } from "./provisioning-source";
import type { RangeCursor } from "./range-cursor";
import type { NewRecord, RecordWriter } from "./records";

type NewLogin = typeof accounts.$inferInsert;

/** A provisioned (or adoptable) login as a batch sees it. */
type Login = {
  id: string;
  role: string;
  directoryEntryId: string | null;
  linkKey: string | null;
  name: string;
  email: string | null;
  extension: string | null;
  site: string | null;
  package: string | null;
  userType: string | null;
  groupMemberType: string | null;
  extensionSticky: boolean;
  handSetFields: ManagedField[];
  suspendedAt: Date | null;
  deviceKinds: string[];
};

export type BatchContext = {
  customerId: string;
  /** Where the batch's records go: the run's history, or (for SCIM, which has no runs) the audit log. */
  record: RecordWriter;
  connector: ProvisioningSource;
  settings: ProvisioningSettings;
  simulate: boolean;
  slug: string;
  range: RangeCursor;
  inScope: (key: string) => boolean;
  current: (key: string) => boolean;
  leftScope: string[];
  /** Portal IDs this pass's planned batches chose: a batch planned while the one before is still being written cannot see its IDs in the database. */
  claimedPortalIds: Set<string>;
};

/** The database refused a batch's extension: someone else took it after the batch was decided. */
export const isExtensionClash = (error: unknown) => violatedConstraint(error) === "company_extensions_pkey";

/**
 * One batch decided and written on its own. Should a manager give someone an
 * extension the batch has just chosen, the database refuses the batch as a
 * whole (company_extensions): `beforeRetry` drops what the caller kept of the
 * refused attempt, and the batch is decided again from a fresh read, from the
 * same place in the range (three tries).
 */
export async function provisionAlone(ctx: BatchContext, people: Person[], beforeRetry?: () => void): Promise<void> {
  const mark = ctx.range.mark();
  for (let attempt = 1; ; attempt++) {
    try {
      return await provisionBatch(ctx, people);
    } catch (error) {
      if (attempt >= 3 || !isExtensionClash(error)) throw error;
      logger.info({ attempt }, "an extension was taken while provisioning; deciding the batch again");
      beforeRetry?.();
      ctx.range.rewind(mark);
    }
  }
}

// What localeCompare compares with, made once: a batch sorts a thousand names.
const byName = new Intl.Collator();

/** Everything a batch will write, decided from reads alone: made while the batch before is still being written. */
export type BatchPlan = {
  records: NewRecord[];
  newLogins: NewLogin[];
  changed: Record<string, unknown>[];
  updates: { login: Login; person: Person }[];
  restores: Login[];
  adoptions: { login: Login; person: Person }[];
  leftScope: string[];
  deviceKinds: DeviceKind[];
};

/** One batch decided and written at once; a plan that was not written frees its portal IDs. */
async function provisionBatch(ctx: BatchContext, people: Person[]): Promise<void> {
  const plan = await planBatch(ctx, people);
  try {
    await writeBatch(ctx, plan);
  } catch (error) {
    dropPlan(ctx, plan);
    throw error;
  }
}

/** A plan that will not be written (its batch is decided again): its portal IDs are free for the new decision. */
export function dropPlan(ctx: BatchContext, plan: BatchPlan): void {
  for (const login of plan.newLogins) ctx.claimedPortalIds.delete(login.portalId);
}

export async function planBatch(ctx: BatchContext, people: Person[]): Promise<BatchPlan> {
  const { customerId, settings, connector } = ctx;
  const logins = await loginsOf(ctx, people);
  const leftScope: string[] = [];
  const records: NewRecord[] = [];
  const creates: { person: Person; need: ExtensionNeed }[] = [];
  const updates: { login: Login; person: Person; need: ExtensionNeed | null }[] = [];
  const restores: Login[] = [];
  const adoptions: { login: Login; person: Person }[] = [];

  for (const person of people) {
    const linkKey = linkKeyOf(connector, person);
    const login = (person.entryId && logins.byEntry.get(person.entryId)) || (linkKey ? logins.byLink.get(linkKey) : undefined);
    const current = ctx.current(person.key);
    const eligible = current && person.status === "active" && ctx.inScope(person.key);
    if (!login) {
      if (eligible) creates.push({ person, need: { person, current: null } });
      continue;
    }
    // Managers and operators are never provisioned, even when linked to the person.
    if (login.role !== "user" || !current) continue;
    if (!login.directoryEntryId) {
      if (!person.entryId) continue;
      // A login made by hand and linked to this person: provisioning follows it from now on, but every field stays the manager's.
      adoptions.push({ login, person });
      login.handSetFields = [...managedFields];
    }
    if (!ctx.inScope(person.key)) {
      leftScope.push(login.id);
      continue;
    }
    if (eligible && login.suspendedAt) restores.push(login);
    const wantsExtension = !login.handSetFields.includes("extension") && !login.extensionSticky;
    updates.push({ login, person, need: wantsExtension ? { person, current: login } : null });
  }

  // New logins take their portal IDs and range numbers in the order of their names, not of the entries' random IDs.
  const localParts = new Map(creates.map((create) => [create, localPartOf(create.person)]));
  creates.sort((a, b) => byName.compare(localParts.get(a)!, localParts.get(b)!));
  const extensions = await decideExtensions(ctx, [...creates.map((c) => c.need), ...updates.flatMap((u) => (u.need ? [u.need] : []))], records);
  const portalIds = await freePortalIds(
    creates.map((c) => localParts.get(c)!),
    ctx.slug,
    ctx.claimedPortalIds,
  );
  const deviceKinds: DeviceKind[] = [...(settings.createSoftphone ? ["softphone" as const] : []), ...(settings.createMobile ? ["mobile" as const] : [])];

  const newLogins: NewLogin[] = creates.map(({ person }, i) => {
    const extension = extensions.get(person.key) ?? null;
    records.push({
      person,
      action: "created",
      detail: { portalId: portalIds[i]!, extension: extension?.value ?? null, devices: deviceKinds },
    });
    return {
      customerId,
      role: "user" as const,
      portalId: portalIds[i]!,
      passwordHash: noPortalPasswordHash,
      name: person.displayName,
      email: person.email,
      extension: extension?.value ?? null,
      extensionSticky: extension?.fromRange ?? false,
      site: settings.site,
      package: settings.package,
      userType: settings.userType,
      groupMemberType: settings.groupMemberType,
      directoryEntryId: person.entryId,
      ...linkOf(connector, person),
    };
  });

  const changed = updates.flatMap(({ login, person }) => {
    const extension = extensions.get(person.key);
    const next = managedValues(settings, person, login, extension?.value);
    const fields = Object.fromEntries(
      managedFields
        .filter((f) => !login.handSetFields.includes(f) && (next[f] ?? null) !== (login[f] ?? null))
        .map((f) => [f, [login[f] ?? null, next[f] ?? null] as [unknown, unknown]]),
    );
    if (Object.keys(fields).length === 0) return [];
    records.push({ person, accountId: login.id, action: "updated", detail: { fields } });
    return [{ id: login.id, ...next, extensionSticky: extension?.fromRange ?? login.extensionSticky }];
  });
  for (const login of restores) {
    const person = updates.find((u) => u.login === login)!.person;
    records.push({ person, accountId: login.id, action: "restored", detail: {} });
  }
  for (const { login, person } of adoptions) records.push({ person, accountId: login.id, action: "linked", detail: {} });

  return { records, newLogins, changed, updates, restores, adoptions, leftScope, deviceKinds };
}

/** The batch's one transaction (Simulate: its records alone). */
export async function writeBatch(ctx: BatchContext, plan: BatchPlan): Promise<void> {
  const { customerId } = ctx;
  const { records, newLogins, changed, updates, restores, adoptions, deviceKinds } = plan;
  if (ctx.simulate) {
    await ctx.record(db(), records);
    ctx.leftScope.push(...plan.leftScope);
    return;
  }
  await db().transaction(async (tx) => {
    const inserted = await insertJsonRows<{ id: string; entry: string }>(tx, accounts, newLogins, sql`id, directory_entry_id as entry`);
    // A login another run (or a manager) made meanwhile is theirs: only what this batch inserted is recorded as created.
    const createdFor = new Map<string | null, string>(inserted.map((r) => [r.entry, r.id]));
    const kept = records.filter((r) => r.action !== "created" || createdFor.has(r.person.entryId));
    for (const r of kept) if (r.action === "created") r.accountId = createdFor.get(r.person.entryId);
    // New logins get every device asked for; existing ones the kinds they lack (the company may have just asked for
    // them) — not while suspended, when a new device would be the one phone still working.
    const active = updates.filter(({ login }) => !login.suspendedAt || restores.includes(login));
    const missing = [
      ...[...createdFor.values()].map((accountId) => ({ accountId, kinds: deviceKinds })),
      ...active.map(({ login }) => ({ accountId: login.id, kinds: deviceKinds.filter((k) => !login.deviceKinds.includes(k)) })),
    ].flatMap(({ accountId, kinds }) => kinds.map((kind) => newDevice({ customerId, accountId, kind })));
    await insertJsonRows(tx, devices, missing);
    for (const { login, person } of adoptions) {
      await tx
        .update(accounts)
        .set({ directoryEntryId: person.entryId, handSetFields: [...managedFields] })
        .where(and(ofCustomer(accounts, customerId), eq(accounts.id, login.id), isNull(accounts.directoryEntryId)));
    }
    if (changed.length > 0) await updateManaged(tx, customerId, changed);
    if (restores.length > 0)
      await restore(
        tx,
        customerId,
        restores.map((l) => l.id),
      );
    await ctx.record(tx, kept);
  });
  ctx.leftScope.push(...plan.leftScope);
}

/** The managed fields as provisioning would set them now; a field set by hand keeps the login's value. */
function managedValues(settings: ProvisioningSettings, person: Person, login: Login, extension: string | undefined): Record<ManagedField, string | null> {
  const fromSource: Record<ManagedField, string | null> = {
    name: person.displayName,
    email: person.email,
    extension: extension ?? login.extension,
    site: settings.site,
    package: settings.package,
    userType: settings.userType,
    groupMemberType: settings.groupMemberType,
  };
  return Object.fromEntries(managedFields.map((f) => [f, login.handSetFields.includes(f) ? login[f] : fromSource[f]])) as Record<ManagedField, string | null>;
}

/** The link a new login gets, so that Sign in with Microsoft (or the directory password) works at once. */
function linkOf(connector: ProvisioningSource, person: Person) {
  const key = linkKeyOf(connector, person);
  if (!key) return {};
  return connector.source === "active-directory" ? { ldapObjectGuid: key } : { aadTenantId: person.tenantId, aadObjectId: key };
}

/**
 * The person's account at the source that a login is linked to: the Entra
 * object ID (for Entra, and for a SCIM person whose externalId Entra proved
 * to be one of its users), or the AD objectGUID.
 */
function linkKeyOf(connector: ProvisioningSource, person: Person): string | null {
  if (connector.source === "active-directory") return person.key;
  if (connector.source === "entra" || connector.source === "scim") return person.tenantId ? person.entraObjectId : null;
  return null;
}

/** The batch's logins: those provisioned for its people, and hand-made ones linked to them (to adopt). */
async function loginsOf(ctx: BatchContext, people: Person[]): Promise<{ byEntry: Map<string, Login>; byLink: Map<string, Login> }> {
  const ad = ctx.connector.source === "active-directory";
  const linkColumn = ad ? accounts.ldapObjectGuid : accounts.aadObjectId;
  const entryIds = people.flatMap((p) => (p.entryId ? [p.entryId] : []));
  const keys = people.flatMap((p) => linkKeyOf(ctx.connector, p) ?? []);
  const tenants = [...new Set(people.flatMap((p) => (p.tenantId ? [p.tenantId] : [])))];
  const fields = {
    id: accounts.id,
    role: accounts.role,
    directoryEntryId: accounts.directoryEntryId,
    linkKey: sql<string | null>`${linkColumn}::text`,
    ...managedColumns,
    extensionSticky: accounts.extensionSticky,
    handSetFields: accounts.handSetFields,
    suspendedAt: accounts.suspendedAt,
    deviceKinds: sql<string[]>`array(select ${devices.kind}::text from ${devices} where ${devices.accountId} = ${accounts.id})`,
  };
  // Two lookups, each on a unique index (a login's entry; its link), rather than one OR that scanned the company's logins per batch.
  const provisioned =
    entryIds.length > 0
      ? await db()
          .select(fields)
          .from(accounts)
          .where(and(ofCustomer(accounts, ctx.customerId), sql`${accounts.directoryEntryId} = any(${uuidArray(entryIds)})`))
      : [];
  const link = ad
    ? and(ofCustomer(accounts, ctx.customerId), sql`${accounts.ldapObjectGuid} = any(${uuidArray(keys)})`)
    : and(
        sql`${accounts.aadTenantId} = any(${uuidArray(tenants)})`,
        sql`${accounts.aadObjectId} = any(${uuidArray(keys)})`,
        ofCustomer(accounts, ctx.customerId),
      );
  const linked =
    keys.length > 0
      ? await db()
          .select(fields)
          .from(accounts)
          .where(and(link, isNull(accounts.directoryEntryId)))
      : [];
  const byEntry = new Map<string, Login>(provisioned.map((row) => [row.directoryEntryId!, row]));
  const byLink = new Map<string, Login>(linked.flatMap((row) => (row.linkKey ? [[row.linkKey, row]] : [])));
  return { byEntry, byLink };
}

async function updateManaged(tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0], customerId: string, rows: Record<string, unknown>[]) {
  const a = accounts;
  await tx.execute(sql`
    update ${a} set
      name = r.name, email = r.email, extension = r.extension, site = r.site, package = r.package,
      user_type = r."userType", group_member_type = r."groupMemberType"::group_member_type,
      extension_sticky = r."extensionSticky", updated_at = now()
    from json_to_recordset(${jsonParameter(rows)}::json) as r(id uuid, name text, email text, extension text, site text, package text, "userType" text, "groupMemberType" text, "extensionSticky" boolean)
    where ${a.id} = r.id and ${a.customerId} = ${customerId}`);
}

/** Restored as it was: the suspension lifted, the devices that were disabled with their owner enabled again. */
async function restore(tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0], customerId: string, ids: string[]) {
  await tx
    .update(accounts)
    .set({ suspendedAt: null, suspendedReason: null, deleteAfter: null, updatedAt: new Date() })
    .where(and(ofCustomer(accounts, customerId), inArray(accounts.id, ids)));
  await tx
    .update(devices)
    .set({ status: "active", disabledWithOwner: false, updatedAt: new Date() })
    .where(and(ofCustomer(devices, customerId), inArray(devices.accountId, ids), eq(devices.disabledWithOwner, true)));
}
