import { defineCustomerRoute } from "@/lib/actions/define-route";
import { searchGroups } from "@/lib/connectors/entra/settings/search-groups";

export const dynamic = "force-dynamic";

/** The MS AAD screen's group picker searches the tenant's groups as the manager types. */
export const GET = defineCustomerRoute({ permission: "settings:manage" }, async ({ actor, request }) => {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  return Response.json({ groups: await searchGroups({ customerId: actor.customerId, q }) });
});
