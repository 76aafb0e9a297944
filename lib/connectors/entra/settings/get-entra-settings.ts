import "server-only";
import { db } from "@/db/client";
import { entraSettings } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/**
 * The MS AAD settings as the screen may see them: everything but the secret,
 * of which only the fact that one is stored (and when) leaves this function.
 */
export async function getEntraSettings({ customerId }: { customerId: string }) {
  const [row] = await db().select().from(entraSettings).where(ofCustomer(entraSettings, customerId)).limit(1);
  if (!row) return null;
  const { secretCiphertext: _ciphertext, secretKeyId: _keyId, deltaLink, ...visible } = row;
  return { ...visible, hasSecret: true, hasDeltaLink: Boolean(deltaLink) };
}

export type VisibleEntraSettings = NonNullable<Awaited<ReturnType<typeof getEntraSettings>>>;
