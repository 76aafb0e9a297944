"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { z } from "zod";
import { createCustomer } from "@/lib/customers/create-customer";
import { getCustomer } from "@/lib/customers/get-customer";
import { setCustomerSuspended } from "@/lib/customers/set-customer-suspended";
import { connectors } from "@/lib/connectors/registry";
import { updateCompany } from "@/lib/customers/update-company";
import { savePicklists } from "@/lib/picklists/save-picklists";
import { createCustomerInput, updateCustomerInput } from "@/lib/validation/customer-input";
import { savePicklistsInput } from "@/lib/validation/picklist-input";
import { uuid } from "@/lib/validation/fields";

export const createCustomerAction = defineAction({ permission: "customers:manage", input: createCustomerInput }, async ({ actor }, input) => {
  const { customer, manager } = await createCustomer(actor, input);
  revalidatePath("/operator/customers");
  return { status: "success", message: `${customer.name} created. Its manager signs in as ${manager.portalId}.` };
});

export const updateCustomerAction = defineAction({ permission: "customers:manage", input: updateCustomerInput }, async ({ actor }, { id, ...input }) => {
  await updateCompany(actor, { customerId: id, ...input }, Object.values(connectors));
  revalidatePath("/operator/customers", "layout");
  return { status: "success", message: `${input.name} saved.` };
});

export const saveCustomerPicklistsAction = defineAction(
  { permission: "customers:manage", input: savePicklistsInput.extend({ id: uuid }) },
  async ({ actor }, { id, ...lists }) => {
    await getCustomer({ customerId: id });
    await savePicklists(actor, { customerId: id, ...lists });
    revalidatePath("/operator/customers", "layout");
    return { status: "success", message: "Lists saved." };
  },
);

const suspension = (suspended: boolean) =>
  defineAction({ permission: "customers:manage", input: z.object({ id: uuid }) }, async ({ actor }, { id }) => {
    const customer = await setCustomerSuspended(actor, { customerId: id, suspended });
    revalidatePath("/operator/customers", "layout");
    return {
      status: "success",
      message: suspended ? `${customer.name} is suspended: nobody of it can sign in, and its syncs and SCIM tokens stop.` : `${customer.name} is active again.`,
    };
  });

export const suspendCustomerAction = suspension(true);
export const reactivateCustomerAction = suspension(false);
