"use server";

import { revalidatePath } from "next/cache";
import { defineCustomerAction } from "@/lib/actions/define-action";
import { connectors } from "@/lib/connectors/registry";
import { updateCompany } from "@/lib/customers/update-company";
import { updateCompanyInput } from "@/lib/validation/customer-input";

export const updateCompanyAction = defineCustomerAction({ permission: "company:manage", input: updateCompanyInput }, async ({ actor }, input) => {
  await updateCompany(actor, { customerId: actor.customerId, ...input }, Object.values(connectors));
  revalidatePath("/", "layout");
  return { status: "success", message: "Company details saved." };
});
