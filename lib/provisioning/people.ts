import "server-only";
import { and, asc, eq, gt, inArray, ne, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { uuidArray } from "@/db/sql-names";
import { directoryEntries, syncRunChanges, syncRunCreatedPages, type DirectoryStatus, type SourceAttributes } from "@/db/schema";
import type { ProvisioningSource } from "./provisioning-source";
import { ofCustomer } from "@/lib/tenancy";

/** A person of the directory as provisioning sees them: the entry (or, for Simulate, what the run would write). */
export type Person = {
  /** Null for an entry that a Simulate would create: it has no row yet. */
  entryId: string | null;
  key: string;
  tenantId: string | null;
  /** The Entra object ID, where the entry has one (Entra's key; a SCIM person's proven externalId). */
  entraObjectId: string | null;
  status: DirectoryStatus;
  displayName: string;
  email: string | null;
  userPrincipalName: string | null;
  accountName: string | null;
  officePhone: string | null;
  attributes: SourceAttributes;
};

/** Which people a run's provisioning looks at: everyone of the connector, or those the run wrote or removed. */
export type PeopleScope = { customerId: string; connector: ProvisioningSource; runId: string; everyone: boolean };

const batchSize = 1_000;

const personColumns = {
  entryId: directoryEntries.id,
  tenantId: directoryEntries.aadTenantId,
  entraObjectId: directoryEntries.aadObjectId,
  status: directoryEntries.status,
  displayName: directoryEntries.displayName,
  email: directoryEntries.email,
  userPrincipalName: directoryEntries.userPrincipalName,
  accountName: directoryEntries.accountName,
  officePhone: directoryEntries.officePhone,
  attributes: directoryEntries.attributes,
};

/**
 * The connector's people as the directory holds them after the run's writes,
 * a thousand at a time in the order of their IDs (never all at once: a
 * 100,000-person tenant stays a few MB in the worker). Removed people are
 * deprovisioned elsewhere (lib/provisioning/deprovision.ts), not here.
 */
export async function* peopleOfRun(scope: PeopleScope): AsyncGenerator<Person[]> {
  yield* liveEntries(scope, scope.everyone ? undefined : eq(directoryEntries.lastRunId, scope.runId));
}

/**
 * What a Simulate would leave in the directory, person by person: the
 * entries it would create (its created pages), then the existing ones with
 * the changes it recorded laid over them. Simulate writes no entry, so this
 * is the only place its people exist.
 */
export async function* peopleOfSimulation(scope: PeopleScope): AsyncGenerator<Person[]> {
  const { customerId, runId, connector } = scope;
  const pages = await db()
    .select({ id: syncRunCreatedPages.id })
    .from(syncRunCreatedPages)
    .where(and(ofCustomer(syncRunCreatedPages, customerId), eq(syncRunCreatedPages.runId, runId)))
    .orderBy(asc(syncRunCreatedPages.id));
  for (const { id } of pages) {
    const [page] = await db().select({ entries: syncRunCreatedPages.entries }).from(syncRunCreatedPages).where(eq(syncRunCreatedPages.id, id));
    yield (page?.entries ?? []).map((e) => personOfWrite(e));
  }
  const changed = db()
    .select({ key: syncRunChanges.objectId })
    .from(syncRunChanges)
    .where(and(ofCustomer(syncRunChanges, customerId), eq(syncRunChanges.runId, runId)));
  for await (const people of liveEntries(scope, scope.everyone ? undefined : sql`${connector.keyColumn} in ${changed}`)) {
    const changes = await db()
      .select({ key: syncRunChanges.objectId, fields: syncRunChanges.fields })
      .from(syncRunChanges)
      .where(and(eq(syncRunChanges.runId, runId), sql`${syncRunChanges.objectId} = any(${uuidArray(people.map((p) => p.key))})`));
    const overlay = new Map(changes.map((c) => [c.key, c.fields]));
    yield people.map((person) => withChanges(person, overlay.get(person.key)));
  }
}

/** The connector's entries that are not removed, narrowed by `only`, a thousand at a time in the order of their IDs. */
async function* liveEntries({ customerId, connector }: PeopleScope, only: SQL | undefined): AsyncGenerator<Person[]> {
  const d = directoryEntries;
  for (let after = "00000000-0000-0000-0000-000000000000"; ;) {
    const rows = await db()
      .select({ ...personColumns, key: connector.keyColumn })
      .from(d)
      .where(and(ofCustomer(d, customerId), eq(d.source, connector.source), ne(d.status, "removed"), gt(d.id, after), only))
      .orderBy(asc(d.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, key: r.key as string }));
    after = rows.at(-1)!.entryId;
  }
}

function personOfWrite(entry: Record<string, unknown>): Person {
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    entryId: null,
    key: String(entry.key),
    tenantId: null,
    entraObjectId: null,
    status: entry.status as DirectoryStatus,
    displayName: text(entry.displayName) ?? "",
    email: text(entry.email),
    userPrincipalName: text(entry.userPrincipalName),
    accountName: text(entry.accountName),
    officePhone: text(entry.officePhone),
    attributes: (entry.attributes as SourceAttributes | undefined) ?? {},
  };
}

/** A person with a Simulate's recorded changes (field → [old, new]; an attribute as `attributes.<key>`) applied. */
function withChanges(person: Person, fields: Record<string, [unknown, unknown]> | undefined): Person {
  if (!fields) return person;
  const next = { ...person, attributes: { ...person.attributes } } as Record<string, unknown> & Pick<Person, "attributes">;
  for (const [field, [, value]] of Object.entries(fields)) {
    if (field.startsWith("attributes.")) {
      const key = field.slice("attributes.".length);
      if (value === null) delete next.attributes[key];
      else next.attributes[key] = value as string | string[];
    } else if (Object.hasOwn(next, field)) next[field] = value;
  }
  return next as unknown as Person;
}

/** Some people of a source by their entries' IDs (a SCIM request's), as the directory holds them now. */
export async function peopleWithIds({
  customerId,
  connector,
  entryIds,
}: {
  customerId: string;
  connector: ProvisioningSource;
  entryIds: readonly string[];
}): Promise<Person[]> {
  if (entryIds.length === 0) return [];
  const d = directoryEntries;
  const rows = await db()
    .select({ ...personColumns, key: connector.keyColumn })
    .from(d)
    .where(and(ofCustomer(d, customerId), eq(d.source, connector.source), ne(d.status, "removed"), inArray(d.id, [...entryIds])));
  return rows.map((r) => ({ ...r, key: r.key as string }));
}
