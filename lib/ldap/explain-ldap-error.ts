import { LdapProblemError, type LdapProblem } from "./ldap-problem";

/**
 * Turns whatever ldapts, TLS or the network threw into words an administrator
 * can act on. Never quotes the original message: AD's diagnostics name
 * internal DSIDs and ldapts's socket errors can carry request details. Only
 * AD's "data XXX" sub-code of a refused bind (49) is read out of the text.
 */
const adBindCodes: Record<string, Omit<LdapProblem, "retryable">> = {
  "52e": { code: "wrong_password", message: "The password is wrong for this account." },
  "525": { code: "no_such_account", message: "The directory has no account with this name." },
  "530": { code: "logon_hours", message: "This account may not sign in at this time (its logon hours)." },
  "531": { code: "logon_workstation", message: "This account may not sign in from here (its workstation restrictions)." },
  "532": { code: "password_expired", message: "The account's password has expired; it must be changed in the directory." },
  "533": { code: "account_disabled", message: "The account is disabled in the directory." },
  "701": { code: "account_expired", message: "The account has expired in the directory." },
  "773": { code: "must_change_password", message: 'The account\'s password must be changed ("must change password at next logon") before it can be used.' },
  "775": { code: "account_locked", message: "The account is locked out after too many wrong passwords. Wait, or ask a directory administrator to unlock it." },
};

const untrustedCertificateCodes = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_SIGNATURE_FAILURE",
]);

const unreachableCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ETIMEDOUT"]);
const lostCodes = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

export function explainLdapError(error: unknown): LdapProblem {
  if (error instanceof LdapProblemError) return error.problem;
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof e.message === "string" ? e.message : "";

  // ldapts's result-code errors carry the LDAP result code as a number.
  if (typeof e.code === "number") return resultCodeProblem(e.code, text);

  const code = typeof e.code === "string" ? e.code : "";
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") {
    return fixable(
      "certificate_name_mismatch",
      "The server's certificate is not issued for this host name. Use the name the certificate shows (often the server's full DNS name), not an IP address or alias.",
    );
  }
  if (untrustedCertificateCodes.has(code)) {
    return fixable(
      "untrusted_certificate",
      "The server's certificate is not signed by a CA this portal trusts. Paste the certificate (PEM) of the CA that issued it into the CA certificate field.",
    );
  }
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") {
    return fixable("certificate_expired", "The server's certificate has expired (or is not valid yet). Renew it on the domain controller.");
  }
  if (code.startsWith("ERR_SSL_") || code === "EPROTO" || code.startsWith("ERR_TLS_")) {
    return fixable(
      "tls_failed",
      "The encrypted (TLS) connection could not be set up. Check that the port speaks LDAPS (636), or use ldap:// (389) with StartTLS.",
    );
  }
  if (unreachableCodes.has(code) || /^Connection timeout$/.test(text)) {
    return retry(
      "unreachable",
      "The directory server could not be reached. Check the host name and port, and that the server is running and allows connections from this portal.",
    );
  }
  if (/Operation timed out/.test(text)) {
    return retry("timeout", "The directory server did not answer in time.");
  }
  if (lostCodes.has(code) || /^(Connection closed before|Socket error\.|Socket connection not established)/.test(text)) {
    // Also what a plain-LDAP port does to a TLS handshake (ldaps:// on 389): it hangs up.
    return retry("connection_lost", "The directory server closed the connection. If this happens at once every time, check that the port speaks LDAPS (636).");
  }
  return retry("unknown", "The directory request failed for an unexpected reason; see the server log.");
}

function resultCodeProblem(resultCode: number, text: string): LdapProblem {
  switch (resultCode) {
    case 49: {
      const sub = /\bdata ([0-9a-f]{3,4})\b/i.exec(text)?.[1]?.toLowerCase();
      const known = sub ? adBindCodes[sub] : undefined;
      return known ? { ...known, retryable: false } : fixable("invalid_credentials", "The directory refused the account name or password.");
    }
    case 8:
    case 13:
      return fixable("transport_encryption_required", "The server requires transport encryption for this: use ldaps:// or StartTLS.");
    case 32:
      return fixable(
        "base_dn_not_found",
        "The search base (base DN) was not found in the directory. Check it, e.g. DC=contoso,DC=com or OU=Staff,DC=contoso,DC=com.",
      );
    case 34:
      return fixable("invalid_dn", "The base DN or the service account's name is not a valid name (DN) in LDAP syntax.");
    case 50:
      return fixable("insufficient_access", "The service account is not allowed to read this part of the directory.");
    case 7:
    case 48:
      return fixable("bind_method_refused", "The server does not accept a simple bind with this account name.");
    case 3:
      return retry("timeout", "The directory server stopped the search because it took too long.");
    case 51:
    case 52:
      return retry("server_busy", "The directory server is busy or unavailable right now.");
    case 53:
      return fixable("unwilling_to_perform", "The directory server refused the request.");
    default:
      return retry("unknown", `The directory server refused the request (LDAP result ${resultCode}).`);
  }
}

function fixable(code: string, message: string): LdapProblem {
  return { code, message, retryable: false };
}

function retry(code: string, message: string): LdapProblem {
  return { code, message, retryable: true };
}
