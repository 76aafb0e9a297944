import { defineScimRoute } from "@/lib/scim/define-scim-route";
import { readScimBody, scimJson } from "@/lib/scim/scim-json";
import { createScimUser, listScimUsers } from "@/lib/scim/users";

export const dynamic = "force-dynamic";

export const GET = defineScimRoute("Users.list", async ({ scim, query }) => scimJson(await listScimUsers(scim, query)));

export const POST = defineScimRoute("Users.create", async ({ scim, request }) => {
  const user = await createScimUser(scim, await readScimBody(request));
  return scimJson(user, 201, { location: String((user.meta as { location: string }).location) });
});
