import type { Metadata } from "next";
import Link from "next/link";
import { DeleteForm } from "@/components/forms/delete-form";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { idParam, orNotFound } from "@/lib/auth/or-not-found";
import { requirePage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { formatDateTime } from "@/lib/format-date";
import { countryOptions } from "@/lib/phone/country-options";
import { canonicalTimeZone, timeZoneOptions } from "@/lib/time-zones";
import { CompanyForm } from "@/components/customers/company-form";
import { PicklistsForm } from "@/components/customers/picklists-form";
import { getPicklists } from "@/lib/picklists/get-picklists";
import { reactivateCustomerAction, saveCustomerPicklistsAction, suspendCustomerAction, updateCustomerAction } from "../actions";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("customers:manage");
  const customer = await orNotFound(getCustomer({ customerId: await idParam(params) }));
  const lists = await getPicklists({ customerId: customer.id });
  const suspended = customer.suspendedAt !== null;
  return (
    <>
      <PageHeader title={customer.name} description={`Company ID ${customer.slug}: its people sign in as name@${customer.slug}.`} />
      <Card title="Company">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[11rem_1fr]">
          <dt className="text-slate-500">Status</dt>
          <dd>{suspended ? `Suspended since ${formatDateTime(customer.suspendedAt, "UTC")} (UTC)` : "Active"}</dd>
          <dt className="text-slate-500">Created</dt>
          <dd>{formatDateTime(customer.createdAt, "UTC")} (UTC)</dd>
        </dl>
        <p className="mt-4 text-sm">
          <Link className="text-sky-700 underline" href={`/operator/audit?q=${encodeURIComponent(customer.slug)}`}>
            Its audit log
          </Link>
        </p>
      </Card>
      <Card title="Name and time zone">
        <CompanyForm
          action={updateCustomerAction}
          customerId={customer.id}
          slug={customer.slug}
          name={customer.name}
          timeZone={canonicalTimeZone(customer.timeZone)}
          timeZones={timeZoneOptions()}
          defaultCountry={customer.defaultCountry}
          countries={countryOptions()}
        />
      </Card>
      <Card title="Packages, user types and sites">
        <p className="mb-3 text-sm text-slate-600">What its user forms offer; its managers may change them on their Company screen.</p>
        <PicklistsForm lists={lists} action={saveCustomerPicklistsAction} customerId={customer.id} />
      </Card>
      <Card title={suspended ? "Reactivate" : "Suspend"}>
        <p className="mb-3 text-sm text-slate-700">
          {suspended
            ? "Reactivated, its people sign in again, its scheduled syncs run and its SCIM tokens work as before."
            : "Suspended, nobody of this company can sign in (open sessions end), its syncs stop and its SCIM tokens are refused. Its data and settings stay as they are."}
        </p>
        <DeleteForm
          action={suspended ? reactivateCustomerAction : suspendCustomerAction}
          id={customer.id}
          label={suspended ? "Reactivate" : "Suspend"}
          confirmText={suspended ? `Reactivate ${customer.name}?` : `Suspend ${customer.name}? Nobody of it will be able to sign in.`}
          pendingText="Saving…"
        />
      </Card>
    </>
  );
}
