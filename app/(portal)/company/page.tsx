import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { can } from "@/lib/auth/permissions";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { getPicklists } from "@/lib/picklists/get-picklists";
import { countryOptions } from "@/lib/phone/country-options";
import { canonicalTimeZone, timeZoneOptions } from "@/lib/time-zones";
import { CompanyForm } from "@/components/customers/company-form";
import { savePicklistsAction, updateCompanyAction } from "./actions";
import { PicklistsForm } from "@/components/customers/picklists-form";

export const metadata: Metadata = { title: "Company" };

export default async function CompanyPage() {
  const actor = await requireCustomerPage("company:read");
  const [customer, lists] = await Promise.all([getCustomer({ customerId: actor.customerId }), getPicklists({ customerId: actor.customerId })]);
  return (
    <>
      <PageHeader title="Company" description="Your company's details on the platform." />
      <Card>
        {can(actor.role, "company:manage") ? (
          <CompanyForm
            action={updateCompanyAction}
            slug={customer.slug}
            name={customer.name}
            timeZone={canonicalTimeZone(customer.timeZone)}
            timeZones={timeZoneOptions()}
            defaultCountry={customer.defaultCountry}
            countries={countryOptions()}
          />
        ) : (
          <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Company</dt>
            <dd>{customer.name}</dd>
            <dt className="text-slate-500">Company ID</dt>
            <dd className="font-mono">{customer.slug}</dd>
            <dt className="text-slate-500">Time zone</dt>
            <dd>{canonicalTimeZone(customer.timeZone)}</dd>
            <dt className="text-slate-500">Phone country</dt>
            <dd>{customer.defaultCountry ?? "None"}</dd>
          </dl>
        )}
      </Card>
      {can(actor.role, "settings:manage") ? (
        <Card title="Packages, user types and sites">
          <p className="mb-3 text-sm text-slate-600">The user forms offer these as choices. A user keeps a value taken off a list until it is changed.</p>
          <PicklistsForm lists={lists} action={savePicklistsAction} />
        </Card>
      ) : null}
    </>
  );
}
