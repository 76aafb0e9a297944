import "server-only";
import { authorityFor } from "./endpoints";
import { explainEntraError, type EntraProblem } from "./explain-entra-error";

/**
 * explainEntraError, plus one look further where msal hides the reason: when
 * it cannot resolve the tenant's endpoints it reports only
 * `endpoints_resolution_error`, whether the tenant does not exist (AADSTS90002)
 * or the network is down. Asking the discovery document ourselves tells which.
 */
export async function diagnoseEntraError(error: unknown, tenantId: string): Promise<EntraProblem> {
  // The Graph client may wrap msal's error, so look at the message as well as the code.
  const e = error as { errorCode?: string; message?: string };
  if (!`${e?.errorCode ?? ""} ${e?.message ?? ""}`.includes("endpoints_resolution_error")) return explainEntraError(error);
  try {
    const response = await fetch(`${authorityFor(tenantId)}/v2.0/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
    if (response.ok) return explainEntraError(error);
    const body = (await response.json().catch(() => ({}))) as { error_description?: string; error_codes?: number[] };
    const code = body.error_codes?.[0];
    return explainEntraError({ errorMessage: code ? `AADSTS${code}` : (body.error_description ?? ""), statusCode: response.status });
  } catch (discoveryError) {
    return explainEntraError(discoveryError);
  }
}
