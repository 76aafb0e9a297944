import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { ListTable } from "@/components/list/list-table";
import { requirePage } from "@/lib/auth/require-page";
import { listCustomers } from "@/lib/customers/list-customers";
import { canonicalTimeZone, timeZoneOptions } from "@/lib/time-zones";
import { CreateCustomerForm } from "./create-customer-form";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  await requirePage("customers:manage");
  const customers = await listCustomers();
  const timeZones = timeZoneOptions();
  return (
    <>
      <PageHeader title="Customers" description="Every company on the platform, and a form to add one with its first manager." />
      <Card>
        <ListTable columns={["Company", "Company ID", "Status", "Time zone", "Managers", "Users"]} empty={customers.length === 0 ? "No customers yet." : null}>
          {customers.map((c) => (
            <tr key={c.id} className="border-b last:border-0">
              <td className="py-2 pr-4">
                <Link className="font-medium text-sky-700 underline" href={`/operator/customers/${c.id}`}>
                  {c.name}
                </Link>
              </td>
              <td className="py-2 pr-4 font-mono">{c.slug}</td>
              <td className="py-2 pr-4">{c.suspendedAt ? "Suspended" : "Active"}</td>
              <td className="py-2 pr-4">{canonicalTimeZone(c.timeZone)}</td>
              <td className="py-2 pr-4">{c.managers}</td>
              <td className="py-2 pr-4">{c.users}</td>
            </tr>
          ))}
        </ListTable>
      </Card>
      <Card title="Add a customer">
        <CreateCustomerForm timeZones={timeZones} />
      </Card>
    </>
  );
}
