"use server";

import { revalidatePath } from "next/cache";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { connectors } from "@/lib/connectors/registry";
import { updateCompany } from "@/lib/customers/update-company";
import { savePicklists } from "@/lib/picklists/save-picklists";
import { updateCompanyInput } from "@/lib/validation/customer-input";
import { savePicklistsInput } from "@/lib/validation/picklist-input";

export const updateCompanyAction = defineCustomerAction({ permission: "company:manage", input: updateCompanyInput }, async ({ actor }, input) => {
  await updateCompany(actor, { customerId: actor.customerId, ...input }, Object.values(connectors));
  revalidatePath("/", "layout");
  return { status: "success", message: "Company details saved." };
});

export const savePicklistsAction = defineCustomerAction({ permission: "settings:manage", input: savePicklistsInput }, async ({ actor }, input) => {
  await savePicklists(actor, { customerId: actor.customerId, ...input });
  revalidatePath("/company");
  return { status: "success", message: "Lists saved." };
});
