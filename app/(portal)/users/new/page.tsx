import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { getPicklists } from "@/lib/picklists/get-picklists";
import { createUserAction } from "../actions";
import { UserForm } from "../user-form";

export const metadata: Metadata = { title: "Add user" };

export default async function NewUserPage() {
  const actor = await requireCustomerPage("users:manage");
  const [customer, picklists] = await Promise.all([getCustomer({ customerId: actor.customerId }), getPicklists({ customerId: actor.customerId })]);
  return (
    <>
      <PageHeader title="Add user" />
      <Card>
        <UserForm action={createUserAction} companySlug={customer.slug} picklists={picklists} />
      </Card>
    </>
  );
}
