import { z } from "zod";
import { optionalEmail, optionalExtension, optionalPhone, optionalText, uuid } from "./fields";

export const directoryEntryFields = {
  firstName: optionalText(80),
  lastName: optionalText(80),
  displayName: optionalText(160),
  email: optionalEmail,
  officePhone: optionalPhone,
  mobilePhone: optionalPhone,
  extension: optionalExtension,
};

const named = <T extends { firstName: string | null; lastName: string | null; displayName: string | null }>(v: T) =>
  Boolean(v.displayName || v.firstName || v.lastName);
const nameRequired = { path: ["displayName"], message: "Give at least a first, last or display name." };

export const createDirectoryEntryInput = z.object(directoryEntryFields).refine(named, nameRequired);
export type DirectoryEntryInput = z.infer<typeof createDirectoryEntryInput>;

export const updateDirectoryEntryInput = z.object({ id: uuid, ...directoryEntryFields }).refine(named, nameRequired);
