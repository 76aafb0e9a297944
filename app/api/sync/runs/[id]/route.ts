import { defineCustomerRoute } from "@/lib/actions/define-route";
import { notFound } from "@/lib/errors";
import { getRunProgress } from "@/lib/sync/history/run-progress";
import { uuid } from "@/lib/validation/fields";

export const dynamic = "force-dynamic";

/** A run's progress, polled by the live panel while the run is going. */
export const GET = defineCustomerRoute<{ id: string }>({ permission: "settings:manage" }, async ({ actor, params }) => {
  const id = uuid.safeParse(params.id);
  if (!id.success) throw notFound("The sync run");
  return Response.json(await getRunProgress({ customerId: actor.customerId, runId: id.data }), { headers: { "cache-control": "no-store" } });
});
