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
import { storedResource, userColumns } from "./user-mapping";

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
  await provisionScimPerson({ customerId: ctx.customerId, entryId: entry!.id });
  return userResource(entry!);
}

export async function getScimUser(ctx: ScimContext, id: string): Promise<Json> {
  return userResource(await find(ctx, id));
}

async function save(ctx: ScimContext, entry: DirectoryEntry, resource: Json): Promise<Json> {
  const columns = await columnsFor(ctx, resource);
  const [updated] = await write(
    () =>
      db()
        .update(directoryEntries)
        .set({ ...columns, scimResource: resource, updatedAt: new Date() })
        .where(and(live(ctx.customerId), eq(directoryEntries.id, entry.id)))
        .returning(),
    columns.userPrincipalName,
  );
  if (!updated) throw scimNotFound("User", entry.id);
  await provisionScimPerson({ customerId: ctx.customerId, entryId: updated.id });
  return userResource(updated);
}

export async function replaceScimUser(ctx: ScimContext, id: string, body: Json): Promise<Json> {
  return save(ctx, await find(ctx, id), storedResource(body));
}

export async function patchScimUser(ctx: ScimContext, id: string, body: Json): Promise<Json> {
  const entry = await find(ctx, id);
  // Patch what a GET shows (so `active` and friends are there), then keep it as sent.
  const patched = applyPatch(storedResource({ ...(entry.scimResource ?? {}), active: entry.status === "active" }), body);
  return save(ctx, entry, patched);
}

/** DELETE removes the entry from the directory (kept as removed, as a sync does); SCIM no longer sees it. */
export async function deleteScimUser(ctx: ScimContext, id: string): Promise<void> {
  const entry = await find(ctx, id);
  await db()
    .update(directoryEntries)
    .set({ status: "removed", updatedAt: new Date() })
    .where(and(ofCustomer(directoryEntries, ctx.customerId), eq(directoryEntries.id, entry.id)));
  await provisionScimPerson({ customerId: ctx.customerId, entryId: entry.id });
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
