/**
 * Portal IDs are case-insensitive login names. Customer logins look like
 * `name@slug`: the part after `@` names the company, which later also tells
 * "Sign in with Microsoft" which tenant to send the person to.
 */
export function normalizePortalId(raw: string): string {
  return raw.trim().toLowerCase();
}

export function customerPortalId(localPart: string, customerSlug: string): string {
  return normalizePortalId(`${localPart}@${customerSlug}`);
}

export function companyOfPortalId(portalId: string): string | null {
  const at = portalId.lastIndexOf("@");
  return at > 0 ? normalizePortalId(portalId.slice(at + 1)) : null;
}
