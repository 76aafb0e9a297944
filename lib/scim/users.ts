import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, type DirectoryEntry } from "@/db/schema";
import { violatedConstraint } from "@/lib/db-errors";
import { provisionScimPerson } from "@/lib/provisioning/provision-scim-person";
import { ofCustomer } from "@/lib/tenancy";
import { pageParams, project } from "./attributes";
import { entraIdentityFor } from "./entra-identity";
import { parseFilter, simpleEquality } from "./filter";
import { pageOfMatches, scanBatchSize } from "./page-of-matches";
import { applyPatch } from "./patch";
import { isResourceId, scimLocation, type ScimContext } from "./scim-context";
import { ScimError, scimNotFound } from "./scim-error";
import { schemaUris } from "./scim-json";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import { scimUserEvents } from "./user-events";
import { storedResource, userColumns } from "./user-mapping";
import { emitWebhookEventsQuietly } from "@/lib/webhook-events/emit-events";

type Json = Record<string, unknown>;

const live = (customerId: string) => and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.source, "scim"), ne(directoryEntries.status, "removed"));

/** The entry as SCIM's User: what Entra sent, with our id, the live `active` and meta. */
export function userResource(entry: DirectoryEntry): Json {
  const stored = entry.scimResource ?? {};
  const schemas = Array.isArray(stored.schemas) && stored.schemas.length ? stored.schemas : [schemaUris.user];
  return {
    ...stored,
    schemas,
    id: entry.id,
    active: entry.status === "active",
    meta: {
      resourceType: "User",
      created: entry.createdAt.toISOString(),
      lastModified: entry.updatedAt.toISOString(),
      location: scimLocation("Users", entry.id),
    },
  };
}

async function write<T>(action: () => Promise<T>, userName: string): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (violatedConstraint(error) === "directory_entries_scim_user_name_unique")
      throw new ScimError(409, `A user with userName ${userName} already exists.`, "uniqueness");
    if (violatedConstraint(error) === "directory_entries_customer_object_unique") {
      throw new ScimError(409, `The Entra account of ${userName} (its externalId) is already in the directory, synced from Microsoft Graph.`, "uniqueness");
    }
    throw error;
  }
}

async function find(ctx: ScimContext, id: string): Promise<DirectoryEntry> {
  const [entry] = isResourceId(id)
    ? await db()
        .select()
        .from(directoryEntries)
        .where(and(live(ctx.customerId), eq(directoryEntries.id, id)))
        .limit(1)
    : [];
  if (!entry) throw scimNotFound("User", id);
  return entry;
}

/** The directory columns of a resource, with its Entra identity when externalId carries one. */
async function columnsFor(ctx: ScimContext, resource: Json) {
  const mapped = userColumns(resource, await getDefaultCountry({ customerId: ctx.customerId }));
  return { ...mapped, ...(await entraIdentityFor({ customerId: ctx.customerId, externalId: mapped.externalId })) };
}

export async function createScimUser(ctx: ScimContext, body: Json): Promise<Json> {
  const resource = storedResource(body);
  const columns = await columnsFor(ctx, resource);
  const [entry] = await write(
    () =>
      db()
        .insert(directoryEntries)
        .values({ ...columns, customerId: ctx.customerId, source: "scim", scimResource: resource })
        .returning(),
    columns.userPrincipalName,
  );
  await provisionAndAnnounce(ctx, null, entry!);
  return userResource(entry!);
}

/**
 * Changes a live entry, returning it as it was and as it is: read under the
 * row's lock, so the pair (and the events made from it) is exact even when
 * Entra pushes the same person twice at once.
 */
async function change(ctx: ScimContext, id: string, values: Partial<typeof directoryEntries.$inferInsert>): Promise<[DirectoryEntry, DirectoryEntry]> {
  if (!isResourceId(id)) throw scimNotFound("User", id);
  return db().transaction(async (tx) => {
    const ofEntry = and(live(ctx.customerId), eq(directoryEntries.id, id));
    const [before] = await tx.select().from(directoryEntries).where(ofEntry).for("update").limit(1);
    if (!before) throw scimNotFound("User", id);
    const [after] = await tx.update(directoryEntries).set(values).where(ofEntry).returning();
    return [before, after!];
  });
}

/**
 * Provisions the person, then tells the webhook endpoints what changed —
 * the entry and the login — once both have committed. A queue that is down
 * is logged, never a failed push: the change stands.
 */
async function provisionAndAnnounce(ctx: ScimContext, before: DirectoryEntry | null, after: DirectoryEntry): Promise<void> {
  const provisioned = await provisionScimPerson({ customerId: ctx.customerId, entryId: after.id });
  await emitWebhookEventsQuietly(ctx.customerId, scimUserEvents(before, after, provisioned));
}

export async function getScimUser(ctx: ScimContext, id: string): Promise<Json> {
  return userResource(await find(ctx, id));
}

async function save(ctx: ScimContext, id: string, resource: Json): Promise<Json> {
  const columns = await columnsFor(ctx, resource);
  const [before, after] = await write(() => change(ctx, id, { ...columns, scimResource: resource, updatedAt: new Date() }), columns.userPrincipalName);
  await provisionAndAnnounce(ctx, before, after);
  return userResource(after);
}

export async function replaceScimUser(ctx: ScimContext, id: string, body: Json): Promise<Json> {
  const entry = await find(ctx, id); // an unknown user is a 404 whatever the body says
  return save(ctx, entry.id, storedResource(body));
}

export async function patchScimUser(ctx: ScimContext, id: string, body: Json): Promise<Json> {
  const entry = await find(ctx, id);
  // Patch what a GET shows (so `active` and friends are there), then keep what a client's own resource would keep.
  const patched = storedResource(applyPatch(storedResource({ ...(entry.scimResource ?? {}), active: entry.status === "active" }), body));
  return save(ctx, entry.id, patched);
}

/** DELETE removes the entry from the directory (kept as removed, as a sync does); SCIM no longer sees it. */
export async function deleteScimUser(ctx: ScimContext, id: string): Promise<void> {
  const [before, after] = await change(ctx, id, { status: "removed", updatedAt: new Date() });
  await provisionAndAnnounce(ctx, before, after);
}

export async function listScimUsers(ctx: ScimContext, query: URLSearchParams): Promise<Json> {
  const filter = query.get("filter") ? parseFilter(query.get("filter")!) : null;
  const equality = filter && simpleEquality(filter);
  // Entra asks `userName eq "…"` before every create: answered from the index, not a scan.
  const indexed =
    equality?.path === "username"
      ? sql`lower(${directoryEntries.userPrincipalName}) = lower(${equality.value})`
      : equality?.path === "externalid"
        ? eq(directoryEntries.externalId, equality.value)
        : equality?.path === "id"
          ? isResourceId(equality.value)
            ? eq(directoryEntries.id, equality.value)
            : sql`false`
          : undefined;
  const { startIndex, count } = pageParams(query);
  const where = and(live(ctx.customerId), indexed);
  let page: Json[];
  let totalResults: number;
  if (!filter || indexed) {
    // No filter, or Entra's indexed one: the database pages.
    const ordered = db().select().from(directoryEntries).where(where).orderBy(asc(directoryEntries.createdAt), asc(directoryEntries.id));
    const [rows, [total]] = await Promise.all([
      ordered.limit(count).offset(startIndex - 1),
      db()
        .select({ n: sql<number>`count(*)::int` })
        .from(directoryEntries)
        .where(where),
    ]);
    page = rows.map(userResource);
    totalResults = total?.n ?? 0;
  } else {
    ({ page, totalResults } = await pageOfMatches({
      // Keyset by (created_at, id) of the last row, compared in the database at its own precision.
      readBatch: (after: DirectoryEntry | null) =>
        db()
          .select()
          .from(directoryEntries)
          .where(
            and(
              where,
              after
                ? sql`(${directoryEntries.createdAt}, ${directoryEntries.id}) > (select ${directoryEntries.createdAt}, ${directoryEntries.id} from ${directoryEntries} where ${directoryEntries.id} = ${after.id})`
                : undefined,
            ),
          )
          .orderBy(asc(directoryEntries.createdAt), asc(directoryEntries.id))
          .limit(scanBatchSize),
      toResource: userResource,
      filter,
      startIndex,
      count,
    }));
  }
  return {
    schemas: [schemaUris.listResponse],
    totalResults,
    startIndex,
    itemsPerPage: page.length,
    Resources: page.map((r) => project(r, query)),
  };
}
