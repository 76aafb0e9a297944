import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { requirePage } from "@/lib/auth/require-page";
import { listCustomers } from "@/lib/customers/list-customers";
import { timeZoneOptions } from "@/lib/time-zones";
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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b text-slate-500">
              <tr>
                <th className="py-2 pr-4">Company</th>
                <th className="py-2 pr-4">Company ID</th>
                <th className="py-2 pr-4">Time zone</th>
                <th className="py-2 pr-4">Managers</th>
                <th className="py-2 pr-4">Users</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((c) => (
                <tr key={c.id} className="border-b last:border-0">
                  <td className="py-2 pr-4 font-medium">{c.name}</td>
                  <td className="py-2 pr-4 font-mono">{c.slug}</td>
                  <td className="py-2 pr-4">{c.timeZone}</td>
                  <td className="py-2 pr-4">{c.managers}</td>
                  <td className="py-2 pr-4">{c.users}</td>
                </tr>
              ))}
              {customers.length === 0 ? (
                <tr>
                  <td colSpan={5} className="py-6 text-center text-slate-500">
                    No customers yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </Card>
      <Card title="Add a customer">
        <CreateCustomerForm timeZones={timeZones} />
      </Card>
    </>
  );
}
