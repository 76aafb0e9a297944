import { defineScimRoute } from "@/lib/scim/define-scim-route";
import { project } from "@/lib/scim/attributes";
import { readScimBody, scimJson, scimNoContent } from "@/lib/scim/scim-json";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/scim/users";

export const dynamic = "force-dynamic";
type Params = { id: string };

export const GET = defineScimRoute<Params>("Users.get", async ({ scim, params, query }) => scimJson(project(await getScimUser(scim, params.id), query)));
export const PUT = defineScimRoute<Params>("Users.replace", async ({ scim, params, request }) =>
  scimJson(await replaceScimUser(scim, params.id, await readScimBody(request))),
);
export const PATCH = defineScimRoute<Params>("Users.patch", async ({ scim, params, request }) =>
  scimJson(await patchScimUser(scim, params.id, await readScimBody(request))),
);
export const DELETE = defineScimRoute<Params>("Users.delete", async ({ scim, params }) => {
  await deleteScimUser(scim, params.id);
  return scimNoContent();
});
