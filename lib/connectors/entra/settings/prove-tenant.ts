import "server-only";
import { newConfidentialClient, type AppCredentials } from "@/lib/entra/confidential-client";
import { diagnoseEntraError } from "@/lib/entra/diagnose-entra-error";
import type { EntraProblem } from "@/lib/entra/explain-entra-error";
import { graphScope } from "@/lib/entra/endpoints";

export type TenantProof = { ok: true } | { ok: false; problem: EntraProblem };

/**
 * Whether these credentials hold the tenant: Microsoft issues an app token for
 * a tenant only to an app registered in it, with its secret. A tenant ID alone
 * is public knowledge (any sign-in page shows it), so it proves nothing; the
 * token does. A fresh client, so no token cached under other settings answers.
 */
export async function proveTenant(credentials: AppCredentials): Promise<TenantProof> {
  try {
    const result = await newConfidentialClient(credentials).acquireTokenByClientCredential({ scopes: [graphScope()] });
    if (!result?.accessToken) return { ok: false, problem: { code: "no_token", message: "Microsoft answered without an access token.", retryable: true } };
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: await diagnoseEntraError(error, credentials.tenantId) };
  }
}
