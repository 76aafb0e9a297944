import type { DirectorySource } from "@/db/schema";

const entraExtensionAttributes = Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`);

/**
 * The source attributes an extension rule may read, per source: what Zoom
 * Phone, Webex and Yeastar offer for Entra (an on-premises extension
 * attribute, or the business phone), and AD's phone attributes.
 */
const offered: Record<DirectorySource, readonly string[]> = {
  entra: [...entraExtensionAttributes, "businessPhones"],
  "active-directory": ["ipPhone", "telephoneNumber", "otherTelephone"],
  scim: ["phoneNumbers"],
  manual: [],
};

export function extensionAttributesOf(source: DirectorySource): readonly string[] {
  return offered[source];
}
