import { z } from "zod";
import { customerSlug, newPassword, optionalEmail, portalLocalPart, requiredText, timeZone } from "./fields";

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
});
