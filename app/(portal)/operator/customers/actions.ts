"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { createCustomer } from "@/lib/customers/create-customer";
import { createCustomerInput } from "@/lib/validation/customer-input";

export const createCustomerAction = defineAction({ permission: "customers:manage", input: createCustomerInput }, async ({ actor }, input) => {
  const { customer, manager } = await createCustomer(actor, input);
  revalidatePath("/operator/customers");
  return { status: "success", message: `${customer.name} created. Its manager signs in as ${manager.portalId}.` };
});
