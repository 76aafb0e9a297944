import "server-only";
import { db } from "@/db/client";
import { ldapSettings } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/**
 * The Active Directory settings as the screen may see them: everything but
 * the proxy user's password, of which only the fact that one is stored leaves
 * this function.
 */
export async function getLdapSettings({ customerId }: { customerId: string }) {
  const [row] = await db().select().from(ldapSettings).where(ofCustomer(ldapSettings, customerId)).limit(1);
  if (!row) return null;
  const { bindPasswordCiphertext: _ciphertext, bindPasswordKeyId: _keyId, ...visible } = row;
  return { ...visible, hasPassword: true };
}

export type VisibleLdapSettings = NonNullable<Awaited<ReturnType<typeof getLdapSettings>>>;
