import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { newConfidentialClient } from "@/lib/entra/confidential-client";
import { diagnoseEntraError } from "@/lib/entra/diagnose-entra-error";
import { graphClient } from "@/lib/entra/graph-client";
import { db } from "@/db/client";
import { AppError } from "@/lib/errors";
import { loadAppCredentials } from "./load-app-credentials";

export type ConnectionResult = { ok: true; message: string } | { ok: false; code: string; message: string };

/**
 * Test connection: with the IDs on the form (and the secret typed, or else the
 * stored one), get an app token and read one user — what a sync needs first.
 * Failures come back as the AADSTS or Graph code with what to do about it.
 */
export async function testConnection(actor: CustomerActor, input: { tenantId: string; clientId: string; clientSecret?: string }): Promise<ConnectionResult> {
  const clientSecret = input.clientSecret ?? (await storedSecret(actor.customerId));
  const result = await probe({ customerId: actor.customerId, tenantId: input.tenantId, clientId: input.clientId, clientSecret });
  await recordAudit(db(), actor, {
    action: "entra_settings.test_connection",
    targetType: "entra_settings",
    targetId: actor.customerId,
    detail: { tenantId: input.tenantId, clientId: input.clientId, outcome: result.ok ? "ok" : result.code },
  });
  return result;
}

async function probe(credentials: { customerId: string; tenantId: string; clientId: string; clientSecret: string }): Promise<ConnectionResult> {
  try {
    const client = graphClient(newConfidentialClient(credentials), { clientId: credentials.clientId, tenantId: credentials.tenantId, tenantUsers: null });
    const body: { value?: { displayName?: string }[] } = await client.api("/users").select(["id", "displayName"]).top(1).get();
    const sample = body.value?.[0]?.displayName;
    return {
      ok: true,
      message: sample
        ? `Connected. Microsoft Graph can read users (for example ${sample}).`
        : "Connected. Microsoft Graph answered, but the tenant has no users yet.",
    };
  } catch (error) {
    const problem = await diagnoseEntraError(error, credentials.tenantId);
    return { ok: false, code: problem.code, message: `${problem.message} (${problem.code})` };
  }
}

async function storedSecret(customerId: string): Promise<string> {
  try {
    return (await loadAppCredentials({ customerId })).credentials.clientSecret;
  } catch {
    throw new AppError("invalid_input", "Enter the client secret to test the connection.", { clientSecret: "Required to test before the first save." });
  }
}
