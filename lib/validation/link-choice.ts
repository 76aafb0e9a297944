import { z } from "zod";

/**
 * What the AAD ID field of a form asks for: leave the link as it is, no link
 * ("-Direct Input-"), or link the directory entry with this ID.
 */
export const linkChoice = z
  .union([z.literal("unchanged"), z.literal("none"), z.uuid("Choose an Entra account from the list.")])
  .optional()
  .transform((v) => v ?? "unchanged");

export type LinkChoice = z.infer<typeof linkChoice>;
