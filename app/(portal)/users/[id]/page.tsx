import type { Metadata } from "next";
import { wasCreated, type NoticeParams } from "@/components/forms/created-href";
import { CreatedNotice } from "@/components/forms/created-notice";
import { DeleteForm } from "@/components/forms/delete-form";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { idParam, orNotFound } from "@/lib/auth/or-not-found";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { getLinkedEntry } from "@/lib/linking/get-linked-entry";
import { listDevices } from "@/lib/devices/list-devices";
import { getPicklists } from "@/lib/picklists/get-picklists";
import { getUser } from "@/lib/users/get-user";
import { deleteUserAction, updateUserAction } from "../actions";
import { UserForm } from "../user-form";
import { DevicesCard } from "./devices-card";
import { ProvisioningPanel } from "./provisioning-panel";

export const metadata: Metadata = { title: "Edit user" };

export default async function EditUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: NoticeParams }) {
  const actor = await requireCustomerPage("users:manage");
  const userId = await idParam(params);
  const [customer, user, picklists] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    orNotFound(getUser({ customerId: actor.customerId, userId })),
    getPicklists({ customerId: actor.customerId }),
  ]);
  const [linked, devices] = await Promise.all([getLinkedEntry(actor.customerId, user), listDevices({ customerId: actor.customerId, accountId: user.id })]);
  return (
    <>
      <PageHeader title={user.name} description={user.portalId} />
      {(await wasCreated(searchParams)) ? <CreatedNotice message={`User ${user.name} created: they sign in as ${user.portalId}.`} /> : null}
      <Card>
        <UserForm action={updateUserAction} companySlug={customer.slug} user={user} linked={linked} picklists={picklists} />
      </Card>
      <ProvisioningPanel user={user} timeZone={customer.timeZone} />
      <DevicesCard devices={devices} />
      <Card title="Delete user">
        <p className="mb-3 text-sm text-slate-600">The user loses access to the portal at once.</p>
        <DeleteForm action={deleteUserAction} id={user.id} label="Delete user" confirmText={`Delete ${user.name}?`} />
      </Card>
    </>
  );
}
