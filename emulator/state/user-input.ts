import { z } from "zod";

const nullableText = z.string().min(1).max(256).nullable().optional();

/** extensionAttribute1..15: Graph's onPremisesExtensionAttributes, 1,024 characters each at most. */
export const extensionAttributeNames = Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`);
const extensionAttributesSchema = z
  .object(Object.fromEntries(extensionAttributeNames.map((name) => [name, z.string().min(1).max(1024).nullable().optional()])))
  .strict();

/** The extension attributes a user holds a value for. */
export type ExtensionAttributes = Readonly<Record<string, string>>;

/**
 * What a caller may say about a user: the Graph properties the portal reads,
 * plus a password for the sign-in page. Shared by the admin API and seed files
 * so both accept exactly the same shape.
 */
export const userInputSchema = z.object({
  id: z.string().uuid().optional(),
  userPrincipalName: z
    .string()
    .min(3)
    .max(113)
    .regex(/^[^@\s]+@[^@\s]+$/, "must look like name@domain"),
  displayName: z.string().min(1).max(256),
  givenName: nullableText,
  surname: nullableText,
  mail: z
    .string()
    .max(256)
    .regex(/^[^@\s]+@[^@\s]+$/)
    .nullable()
    .optional(),
  businessPhones: z.array(z.string().min(1).max(64)).max(1).optional(),
  mobilePhone: nullableText,
  jobTitle: nullableText,
  department: nullableText,
  officeLocation: nullableText,
  employeeId: z.string().min(1).max(16).nullable().optional(),
  companyName: z.string().min(1).max(64).nullable().optional(),
  city: z.string().min(1).max(128).nullable().optional(),
  country: z.string().min(1).max(128).nullable().optional(),
  onPremisesExtensionAttributes: extensionAttributesSchema.nullable().optional(),
  accountEnabled: z.boolean().optional(),
  userType: z.enum(["Member", "Guest"]).optional(),
  preferredLanguage: nullableText,
  managerId: z.string().uuid().nullable().optional(),
  password: z.string().min(1).max(256).nullable().optional(),
});

export type UserInput = z.infer<typeof userInputSchema>;

/** An update: any property but the ID; `null` clears a nullable property. */
export const userPatchSchema = userInputSchema.omit({ id: true }).partial();

export type UserPatch = z.infer<typeof userPatchSchema>;
