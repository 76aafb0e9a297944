import { z } from "zod";
import { groupMemberTypes } from "@/db/schema";
import { linkChoice } from "@/lib/validation/link-choice";
import { newPassword, optionalEmail, optionalExtension, optionalText, portalLocalPart, requiredText, typedPassword } from "./fields";

const personFields = {
  name: requiredText("Name", 120),
  email: optionalEmail,
};

export const userFields = {
  ...personFields,
  extension: optionalExtension,
  site: optionalText(80),
  groupMemberType: z.preprocess(
    (v) => (v === "" || v === undefined ? null : v),
    z.enum(groupMemberTypes, { message: "Choose single-site or multi-site." }).nullable(),
  ),
  package: optionalText(80),
  userType: optionalText(80),
  aadLink: linkChoice,
};

export const createUserInput = z.object({
  localPart: portalLocalPart,
  password: newPassword,
  ...userFields,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  id: z.uuid("Not a valid ID."),
  ...userFields,
  // Blank keeps the current password.
  password: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(newPassword.optional()),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const createManagerInput = z.object({
  localPart: portalLocalPart,
  password: newPassword,
  ...personFields,
});
export type CreateManagerInput = z.infer<typeof createManagerInput>;

export const updateProfileInput = z.object(personFields);

export const linkOwnAccountInput = z.object({ aadLink: linkChoice });

export const changePasswordInput = z
  .object({
    currentPassword: typedPassword("Enter your current password."),
    newPassword,
    confirmPassword: z.string().max(200, "At most 200 characters."),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  });
