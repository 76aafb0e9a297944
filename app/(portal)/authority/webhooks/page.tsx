import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { createEndpointAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requireCustomerPage("settings:manage");
  const endpoints = await listEndpoints({ customerId: actor.customerId });
  return (
    <>
      <Card title="Webhooks">
        <p className="mb-3 text-sm text-slate-700">
          Tell your phone system, CRM or help desk when the directory changes, instead of having them poll: each change is sent to your endpoints as a signed
          HTTPS POST (Standard Webhooks: <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>), retried with growing pauses
          until the endpoint answers 2xx, in order for each person. An endpoint that fails for a day is disabled, and says so here.
        </p>
        <ul className="divide-y text-sm" data-testid="webhook-endpoints">
          {endpoints.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium break-all">{e.url}</p>
                <p className="text-slate-600">
                  {e.description ? `${e.description} · ` : ""}
                  {e.eventTypes.length} event{e.eventTypes.length === 1 ? "" : "s"} · {e.enabled ? "enabled" : "disabled"}
                </p>
                {e.disabledReason ? <p className="text-red-800">{e.disabledReason}</p> : null}
              </div>
              <Link className="text-sky-700 underline" href={`/authority/webhooks/${e.id}`}>
                Manage
              </Link>
            </li>
          ))}
          {endpoints.length === 0 ? <li className="py-3 text-slate-500">No endpoint yet.</li> : null}
        </ul>
      </Card>
      <Card title="Add an endpoint">
        <EndpointForm action={createEndpointAction} />
      </Card>
    </>
  );
}
