import type { Metadata } from "next";
import Link from "next/link";
import { DeleteForm } from "@/components/forms/delete-form";
import { Card } from "@/components/layout/card";
import { ListTable } from "@/components/list/list-table";
import { Pagination } from "@/components/list/pagination";
import { CredentialPanel } from "@/components/phonebooks/credential-panel";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { SendTestForm } from "@/components/webhooks/send-test-form";
import { idParam, orNotFound } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { formatDateTime } from "@/lib/format-date";
import { readListQuery } from "@/lib/validation/list-query";
import { getEndpoint } from "@/lib/webhooks/endpoints";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { deleteEndpointAction, rotateEndpointSecretAction, sendTestEventAction, updateEndpointAction } from "../actions";

export const metadata: Metadata = { title: "Webhook endpoint" };

const statusWords = { pending: "retrying", delivered: "delivered", failed: "failed" } as const;

export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireCustomerPage("settings:manage");
  const id = await idParam(params);
  const { page } = readListQuery(await searchParams);
  const { customerId } = actor;
  const [customer, endpoint, deliveries] = await Promise.all([
    getCustomer({ customerId }),
    orNotFound(getEndpoint({ customerId, id })),
    listDeliveries({ customerId, endpointId: id, page }),
  ]);
  const when = (date: Date | null) => (date ? formatDateTime(date, customer.timeZone) : "—");
  return (
    <>
      <p className="mb-4 text-sm">
        <Link className="text-sky-700 underline" href="/authority/webhooks">
          ← All endpoints
        </Link>
      </p>
      <Card title="Endpoint">
        {endpoint.disabledReason ? (
          <p role="status" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {endpoint.disabledReason}
          </p>
        ) : null}
        <EndpointForm action={updateEndpointAction} endpoint={endpoint} />
        <div className="mt-4">
          <DeleteForm
            action={deleteEndpointAction}
            id={endpoint.id}
            label="Delete endpoint"
            confirmText="Delete this endpoint and its delivery log? Nothing more is sent to it."
          />
        </div>
      </Card>
      <Card title="Signing secret">
        <p className="mb-3 text-sm text-slate-700">
          The receiver checks each request&apos;s <code>webhook-signature</code> with this secret (see the README&apos;s Webhooks section).
        </p>
        <CredentialPanel
          kind={endpoint.id}
          noun="signing secret"
          current={{ hint: endpoint.secretHint, created: when(endpoint.secretUpdatedAt), lastUsed: when(deliveries.rows[0]?.lastAttemptAt ?? null) }}
          reveal={[{ label: "Signing secret", template: "{secret}" }]}
          breaks="Deliveries are signed with the new secret at once: the receiver refuses them until it has it."
          createAction={rotateEndpointSecretAction}
          testId="webhook-secret"
        />
      </Card>
      <Card title="Delivery log">
        <div className="mb-4">
          <SendTestForm id={endpoint.id} action={sendTestEventAction} />
        </div>
        <ListTable columns={["Time", "Event", "Status", "Status code", "Latency", "Attempts"]} empty={deliveries.rows.length === 0 ? "No delivery yet." : null}>
          {deliveries.rows.map((d) => (
            <tr key={d.id} className="border-b last:border-0" data-testid="webhook-delivery">
              <td className="py-2 pr-4 whitespace-nowrap">{when(d.lastAttemptAt ?? d.createdAt)}</td>
              <td className="py-2 pr-4 font-mono text-xs">{d.eventType}</td>
              <td className={`py-2 pr-4 ${d.status === "failed" ? "text-red-800" : d.status === "delivered" ? "text-emerald-800" : ""}`}>
                {statusWords[d.status]}
                {d.error ? ` — ${d.error}` : ""}
              </td>
              <td className="py-2 pr-4">{d.statusCode ?? "—"}</td>
              <td className="py-2 pr-4">{d.latencyMs === null ? "—" : `${d.latencyMs} ms`}</td>
              <td className="py-2 pr-4">{d.attempts}</td>
            </tr>
          ))}
        </ListTable>
        <Pagination
          basePath={`/authority/webhooks/${endpoint.id}`}
          page={deliveries.page}
          pageCount={deliveries.pageCount}
          total={deliveries.total}
          noun={["delivery", "deliveries"]}
        />
      </Card>
    </>
  );
}
