/**
 * Turns whatever msal, the Graph client or the network threw into words a
 * customer's manager can act on, with the code Microsoft documents (AADSTS…
 * or Graph's error code). Never quotes the original message: msal and Graph
 * messages can carry request details we do not want on a screen or in a log.
 */
export type EntraProblem = { code: string; message: string; retryable: boolean };

const aadsts: Record<string, string> = {
  "7000215": "The client secret is wrong. Copy the secret's Value (not its ID) from the app registration's Certificates & secrets page.",
  "7000222": "The client secret has expired. Create a new secret in the app registration and save it here.",
  "90002": "No Microsoft Entra tenant has this tenant ID. Check the Directory (tenant) ID on the app registration's Overview page.",
  "700016": "No application with this client ID exists in the tenant. Check the Application (client) ID, and that the app is registered in this tenant.",
  "50011": "The redirect URI is not registered on the app registration. Add the redirect URI shown on this screen under Authentication.",
  "50126": "The user name or password is wrong.",
  "7000218": "The request had no client secret.",
  "90014": "The request to Microsoft was missing a required field.",
};

/**
 * AADSTS codes Microsoft documents as passing (reference-error-codes): the
 * request was fine and the same request later will do. They are retried like
 * a 503, never reported as a refusal.
 */
const transientAadsts: Record<string, string> = {
  "90006": "ExternalServerRetryableError", // "The service is temporarily unavailable."
  "90024": "RequestBudgetExceededError", // "A transient error has occurred. Try again."
  "90033": "MsodsServiceUnavailable", // "The Microsoft Online Directory Service (MSODS) isn't available."
  "90055": "TenantThrottlingError", // "There are too many incoming requests."
};

// RFC 6749 §5.2 / OpenID errors that mean "not now" rather than "no".
const transientOAuthErrors = /\b(temporarily_unavailable|server_error)\b/i;

const graphCodes: Record<string, string> = {
  Authorization_RequestDenied:
    "The app is not allowed to read users. Grant the application permission User.Read.All (Microsoft Graph) and an administrator's consent.",
  InvalidAuthenticationToken: "Microsoft Graph did not accept the access token.",
  Request_ResourceNotFound: "Microsoft Graph did not find what was asked for.",
  TooManyRequests: "Microsoft Graph is throttling requests for this tenant. The sync will try again later.",
  syncStateNotFound: "The saved sync position has expired; a full sync is needed.",
};

export function explainEntraError(error: unknown): EntraProblem {
  const e = (error ?? {}) as Record<string, unknown>;
  const text = [e.errorMessage, e.message, e.errorCode, e.code].filter((v) => typeof v === "string").join(" ");

  const stsCode = /AADSTS(\d+)/.exec(text)?.[1];
  // Before any AADSTS code is taken as a refusal: an outage of the token
  // endpoint also carries one (90033), and must be waited out, not reported as final.
  // (msal's errorCode is the OAuth error; wrapped by the Graph client it starts the message.)
  if ((stsCode && transientAadsts[stsCode]) || transientOAuthErrors.test(text)) {
    const code = stsCode ? `AADSTS${stsCode}` : "identity_unavailable";
    return {
      code,
      message: `Microsoft's sign-in service is temporarily unavailable${stsCode ? ` (${code})` : ""}. This usually passes within minutes.`,
      retryable: true,
    };
  }
  if (stsCode) {
    return {
      code: `AADSTS${stsCode}`,
      message: aadsts[stsCode] ?? `Microsoft's sign-in service refused the request (AADSTS${stsCode}).`,
      retryable: false,
    };
  }

  // A connection refused, reset or cut off mid-body (the Graph client reports the
  // last as a GraphError named after the TypeError fetch threw, status 200).
  if (
    e.code === "TypeError" ||
    /ECONNREFUSED|ENOTFOUND|ECONNRESET|ETIMEDOUT|EAI_AGAIN|socket hang up|fetch failed|terminated|other side closed|network|UND_ERR/i.test(
      text + String(e.cause ?? ""),
    )
  ) {
    return {
      code: "network",
      message: "Microsoft could not be reached (network failure or an outage). The sync will try again.",
      retryable: true,
    };
  }

  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const graphCode = typeof e.code === "string" ? e.code : undefined;
  if (status !== undefined && status > 0 && graphCode) {
    const known = graphCodes[graphCode];
    const fallback = status >= 500 ? `Microsoft Graph is unavailable right now (HTTP ${status}).` : `Microsoft Graph answered ${status} (${graphCode}).`;
    return { code: graphCode, message: known ?? fallback, retryable: status === 429 || status >= 500 };
  }
  if (status !== undefined && status >= 500) {
    return { code: `HTTP${status}`, message: `Microsoft Graph is unavailable right now (HTTP ${status}).`, retryable: true };
  }
  if (/CERT|certificate|self[- ]signed/i.test(text)) {
    return { code: "tls", message: "The connection to Microsoft failed its certificate check.", retryable: false };
  }
  return { code: "unknown", message: "The request to Microsoft failed for an unexpected reason; see the server log.", retryable: true };
}
