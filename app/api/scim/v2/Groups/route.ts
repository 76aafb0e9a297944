import { defineScimRoute } from "@/lib/scim/define-scim-route";
import { createScimGroup, listScimGroups } from "@/lib/scim/groups";
import { readScimBody, scimJson } from "@/lib/scim/scim-json";

export const dynamic = "force-dynamic";

export const GET = defineScimRoute("Groups.list", async ({ scim, query }) => scimJson(await listScimGroups(scim, query)));

export const POST = defineScimRoute("Groups.create", async ({ scim, request }) => {
  const group = await createScimGroup(scim, await readScimBody(request));
  return scimJson(group, 201, { location: String((group.meta as { location: string }).location) });
});
