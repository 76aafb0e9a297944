import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers, directoryEntries } from "@/db/schema";
import { createCredential } from "@/lib/directory-credentials/credentials";
import { ldapNames } from "@/lib/phonebook/ldap-names";
import { createCustomerWithManager } from "../../support/factories";

export type PhonebookCompany = Awaited<ReturnType<typeof createCustomerWithManager>> & { bindDn: string; baseDn: string; password: string };

/** A company (default country US) with an LDAP phonebook password. */
export async function phonebookCompany(): Promise<PhonebookCompany> {
  const manager = await createCustomerWithManager();
  await db().update(customers).set({ defaultCountry: "US" }).where(eq(customers.id, manager.customerId));
  const { secret } = await createCredential(manager, "phonebook_ldap");
  return { ...manager, ...ldapNames(manager.slug), password: secret };
}

type EntryFields = Partial<typeof directoryEntries.$inferInsert> & { displayName: string };

/** Entries as a sync writes them (source entra), numbers with their E.164 forms as the sync would store them. */
export async function addEntries(company: PhonebookCompany, entries: EntryFields[]) {
  return db()
    .insert(directoryEntries)
    .values(
      entries.map((fields) => ({
        customerId: company.customerId,
        source: "entra" as const,
        aadObjectId: crypto.randomUUID(),
        phonesE164: [fields.officePhoneE164, fields.mobilePhoneE164].filter((n): n is string => Boolean(n)),
        ...fields,
      })),
    )
    .returning({ id: directoryEntries.id, displayName: directoryEntries.displayName });
}
