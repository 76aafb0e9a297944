import type { Metadata } from "next";
import { DeleteForm } from "@/components/forms/delete-form";
import { Card } from "@/components/layout/card";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { listManagers } from "@/lib/managers/list-managers";
import { deleteManagerAction } from "./actions";
import { CreateManagerForm } from "./create-manager-form";

export const metadata: Metadata = { title: "Managers" };

export default async function ManagersPage() {
  const actor = await requireCustomerPage("managers:manage");
  const [customer, managers] = await Promise.all([getCustomer({ customerId: actor.customerId }), listManagers({ customerId: actor.customerId })]);
  return (
    <>
      <Card title="Managers">
        <ul className="divide-y">
          {managers.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
              <div>
                <p className="font-medium">{m.name}</p>
                <p className="font-mono text-slate-600">{m.portalId}</p>
                {m.email ? <p className="text-slate-500">{m.email}</p> : null}
              </div>
              {m.id === actor.accountId ? (
                <span className="text-xs text-slate-500">You</span>
              ) : (
                <DeleteForm action={deleteManagerAction} id={m.id} label="Remove" confirmText={`Remove manager ${m.portalId}?`} />
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Add a manager">
        <CreateManagerForm companySlug={customer.slug} />
      </Card>
    </>
  );
}
