import { defineCustomerRoute } from "@/lib/actions/define-route";
import { searchLinkCandidates } from "@/lib/linking/search-link-candidates";

export const dynamic = "force-dynamic";

/** The AAD ID picker asks for unlinked, active Entra entries as the manager types. */
export const GET = defineCustomerRoute({ permission: "users:manage" }, async ({ actor, request }) => {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return Response.json({ candidates: await searchLinkCandidates({ customerId: actor.customerId, q }) });
});
