import { z } from "zod";
import { customerSlug, newPassword, optionalEmail, phoneCountry, portalLocalPart, requiredText, timeZone, uuid } from "./fields";

export const createCustomerInput = z.object({
  name: requiredText("Company name", 120),
  slug: customerSlug,
  timeZone,
  managerLocalPart: portalLocalPart,
  managerName: requiredText("Manager name", 120),
  managerEmail: optionalEmail,
  managerPassword: newPassword,
});
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export const updateCompanyInput = z.object({
  name: requiredText("Company name", 120),
  timeZone,
  defaultCountry: phoneCountry,
});

/** The operator edits the same details of any customer, named by its ID. */
export const updateCustomerInput = updateCompanyInput.extend({ id: uuid });
