import { defineScimRoute } from "@/lib/scim/define-scim-route";
import { project } from "@/lib/scim/attributes";
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/scim/groups";
import { readScimBody, scimJson, scimNoContent } from "@/lib/scim/scim-json";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = defineScimRoute<Params>("Groups.get", async ({ scim, params, query }) => scimJson(project(await getScimGroup(scim, params.id), query)));
export const PUT = defineScimRoute<Params>("Groups.replace", async ({ scim, params, request }) =>
  scimJson(await replaceScimGroup(scim, params.id, await readScimBody(request))),
);
// Entra expects 204 from a group PATCH (its members may be many).
export const PATCH = defineScimRoute<Params>("Groups.patch", async ({ scim, params, request }) => {
  await patchScimGroup(scim, params.id, await readScimBody(request));
  return scimNoContent();
});
export const DELETE = defineScimRoute<Params>("Groups.delete", async ({ scim, params }) => {
  await deleteScimGroup(scim, params.id);
  return scimNoContent();
});
