import "server-only";
import { db } from "@/db/client";
import { entraSettings, type EntraSettings } from "@/db/schema";
import type { AppCredentials } from "@/lib/entra/confidential-client";
import { AppError } from "@/lib/errors";
import { open } from "@/lib/secrets/secret-box";
import { ofCustomer } from "@/lib/tenancy";
import { entraScreen } from "../screen";

/**
 * The full settings row with the client secret decrypted, for the worker and
 * Test connection only. The result lives in memory for one operation and is
 * never logged, returned to a browser or put in a job.
 */
export async function loadAppCredentials({ customerId }: { customerId: string }): Promise<{ settings: EntraSettings; credentials: AppCredentials }> {
  const [settings] = await db().select().from(entraSettings).where(ofCustomer(entraSettings, customerId)).limit(1);
  if (!settings) throw new AppError("invalid_input", `Save the ${entraScreen.label} settings first.`);
  const clientSecret = open({ ciphertext: settings.secretCiphertext, keyId: settings.secretKeyId }, customerId);
  return { settings, credentials: { customerId, tenantId: settings.tenantId, clientId: settings.clientId, clientSecret } };
}
