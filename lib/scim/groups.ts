import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, scimGroupMembers, scimGroups, type ScimGroup } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import { keyOf } from "./attribute-path";
import { pageParams, project } from "./attributes";
import { parseFilter, simpleEquality } from "./filter";
import { pageOfMatches, scanBatchSize } from "./page-of-matches";
import { applyPatch } from "./patch";
import { isResourceId, scimLocation, type ScimContext } from "./scim-context";
import { invalidValue, scimNotFound } from "./scim-error";
import { schemaUris } from "./scim-json";

type Json = Record<string, unknown>;
type Member = { value: string; display: string | null };

function groupResource(group: ScimGroup, members: Member[]): Json {
  return {
    schemas: [schemaUris.group],
    id: group.id,
    ...(group.externalId ? { externalId: group.externalId } : {}),
    displayName: group.displayName,
    members: members.map((m) => ({ value: m.value, ...(m.display ? { display: m.display } : {}), $ref: scimLocation("Users", m.value) })),
    meta: {
      resourceType: "Group",
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: scimLocation("Groups", group.id),
    },
  };
}

/** Members that are live SCIM users of the customer (a deleted user drops out of its groups). */
async function membersOf(customerId: string, groupIds: string[]): Promise<Map<string, Member[]>> {
  const rows = groupIds.length
    ? await db()
        .select({ groupId: scimGroupMembers.groupId, value: scimGroupMembers.entryId, display: scimGroupMembers.display })
        .from(scimGroupMembers)
        .innerJoin(directoryEntries, eq(directoryEntries.id, scimGroupMembers.entryId))
        .where(and(inArray(scimGroupMembers.groupId, groupIds), ofCustomer(directoryEntries, customerId), ne(directoryEntries.status, "removed")))
    : [];
  const byGroup = new Map<string, Member[]>(groupIds.map((id) => [id, []]));
  for (const row of rows) byGroup.get(row.groupId)!.push({ value: row.value, display: row.display });
  return byGroup;
}

/** The group's fields and members from a resource, every member checked to be a user of this customer. */
async function parseGroup(ctx: ScimContext, resource: Json): Promise<{ displayName: string; externalId: string | null; members: Member[] }> {
  const displayName = resource[keyOf(resource, "displayName") ?? "displayName"];
  if (typeof displayName !== "string" || !displayName.trim()) throw invalidValue("displayName is required.");
  // As for users (user-mapping.ts): Entra's limit, and far below what the name index refuses.
  if (displayName.length > 256) throw invalidValue("displayName is longer than 256 characters.");
  const externalId = resource[keyOf(resource, "externalId") ?? "externalId"];
  if (typeof externalId === "string" && externalId.length > 1024) throw invalidValue("externalId is longer than 1024 characters.");
  const raw = resource[keyOf(resource, "members") ?? "members"] ?? [];
  if (!Array.isArray(raw)) throw invalidValue("members must be a list.");
  const members = new Map<string, Member>();
  for (const item of raw as Json[]) {
    const value = item?.[keyOf(item, "value") ?? "value"];
    if (typeof value !== "string") throw invalidValue("Each member needs a value (a user's id).");
    const display = item[keyOf(item, "display") ?? keyOf(item, "displayName") ?? "display"];
    members.set(value, { value, display: typeof display === "string" ? display.slice(0, 256) : null });
  }
  const ids = [...members.keys()];
  const invalid = ids.filter((id) => !isResourceId(id));
  const known =
    ids.length - invalid.length
      ? await db()
          .select({ id: directoryEntries.id })
          .from(directoryEntries)
          .where(
            and(
              ofCustomer(directoryEntries, ctx.customerId),
              eq(directoryEntries.source, "scim"),
              ne(directoryEntries.status, "removed"),
              inArray(directoryEntries.id, ids.filter(isResourceId)),
            ),
          )
      : [];
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = ids.filter((id) => !knownIds.has(id));
  if (unknown.length) throw invalidValue(`No user with id ${unknown[0]} exists here, so it cannot be a member.`);
  return { displayName: displayName.trim(), externalId: typeof externalId === "string" ? externalId : null, members: [...members.values()] };
}

async function find(ctx: ScimContext, id: string): Promise<ScimGroup> {
  const [group] = isResourceId(id)
    ? await db()
        .select()
        .from(scimGroups)
        .where(and(ofCustomer(scimGroups, ctx.customerId), eq(scimGroups.id, id)))
        .limit(1)
    : [];
  if (!group) throw scimNotFound("Group", id);
  return group;
}

async function store(ctx: ScimContext, existing: ScimGroup | null, resource: Json): Promise<Json> {
  const parsed = await parseGroup(ctx, resource);
  const group = await db().transaction(async (tx) => {
    const [row] = existing
      ? await tx
          .update(scimGroups)
          .set({ displayName: parsed.displayName, externalId: parsed.externalId, updatedAt: new Date() })
          .where(and(ofCustomer(scimGroups, ctx.customerId), eq(scimGroups.id, existing.id)))
          .returning()
      : await tx.insert(scimGroups).values({ customerId: ctx.customerId, displayName: parsed.displayName, externalId: parsed.externalId }).returning();
    await tx.delete(scimGroupMembers).where(eq(scimGroupMembers.groupId, row!.id));
    if (parsed.members.length)
      await tx.insert(scimGroupMembers).values(parsed.members.map((m) => ({ groupId: row!.id, entryId: m.value, display: m.display })));
    return row!;
  });
  return groupResource(group, parsed.members);
}

export const createScimGroup = (ctx: ScimContext, body: Json) => store(ctx, null, body);

export async function getScimGroup(ctx: ScimContext, id: string): Promise<Json> {
  const group = await find(ctx, id);
  return groupResource(group, (await membersOf(ctx.customerId, [group.id])).get(group.id)!);
}

export async function replaceScimGroup(ctx: ScimContext, id: string, body: Json): Promise<Json> {
  return store(ctx, await find(ctx, id), body);
}

export async function patchScimGroup(ctx: ScimContext, id: string, body: Json): Promise<Json> {
  const current = await getScimGroup(ctx, id);
  return store(ctx, await find(ctx, id), applyPatch(current, body));
}

export async function deleteScimGroup(ctx: ScimContext, id: string): Promise<void> {
  const group = await find(ctx, id);
  await db()
    .delete(scimGroups)
    .where(and(ofCustomer(scimGroups, ctx.customerId), eq(scimGroups.id, group.id)));
}

type GroupWithMembers = { group: ScimGroup; members: Member[] };

/** Groups in the listing's order (created, id) with their members, one query for the members of all. */
async function withMembers(customerId: string, groups: ScimGroup[]): Promise<GroupWithMembers[]> {
  const members = await membersOf(
    customerId,
    groups.map((g) => g.id),
  );
  return groups.map((group) => ({ group, members: members.get(group.id)! }));
}

export async function listScimGroups(ctx: ScimContext, query: URLSearchParams): Promise<Json> {
  const filter = query.get("filter") ? parseFilter(query.get("filter")!) : null;
  const equality = filter && simpleEquality(filter);
  const indexed = equality?.path === "displayname" ? eq(scimGroups.displayName, equality.value) : undefined;
  const where = and(ofCustomer(scimGroups, ctx.customerId), indexed);
  const ordered = () => db().select().from(scimGroups).where(where).orderBy(asc(scimGroups.createdAt), asc(scimGroups.id));
  const { startIndex, count } = pageParams(query);
  let page: Json[];
  let totalResults: number;
  if (!filter || indexed) {
    // The database pages; only the page's groups have their members read.
    const [groups, [total]] = await Promise.all([
      ordered()
        .limit(count)
        .offset(startIndex - 1),
      db()
        .select({ n: sql<number>`count(*)::int` })
        .from(scimGroups)
        .where(where),
    ]);
    page = (await withMembers(ctx.customerId, groups)).map(({ group, members }) => groupResource(group, members));
    totalResults = total?.n ?? 0;
  } else {
    ({ page, totalResults } = await pageOfMatches({
      readBatch: async (after: GroupWithMembers | null) => {
        const next = after
          ? sql`(${scimGroups.createdAt}, ${scimGroups.id}) > (select ${scimGroups.createdAt}, ${scimGroups.id} from ${scimGroups} where ${scimGroups.id} = ${after.group.id})`
          : undefined;
        const groups = await db().select().from(scimGroups).where(and(where, next)).orderBy(asc(scimGroups.createdAt), asc(scimGroups.id)).limit(scanBatchSize);
        return withMembers(ctx.customerId, groups);
      },
      toResource: ({ group, members }) => groupResource(group, members),
      filter,
      startIndex,
      count,
    }));
  }
  return { schemas: [schemaUris.listResponse], totalResults, startIndex, itemsPerPage: page.length, Resources: page.map((r) => project(r, query)) };
}
