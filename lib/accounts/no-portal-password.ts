/**
 * Stored as the password hash of logins that provisioning creates: it is not
 * an argon2 hash, so no password ever matches it. Such a login signs in with
 * Microsoft (Entra) or with the directory password (Active Directory), until a
 * manager gives it a portal password.
 */
export const noPortalPasswordHash = "!no-portal-password";
