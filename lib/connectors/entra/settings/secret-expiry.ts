const warnDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * The warning a manager sees on every page when the client secret expires
 * within 30 days (or has expired): once it has, every sync fails with
 * AADSTS7000222. Dates are whole days, compared in UTC.
 */
export function secretExpiryWarning(expiresOn: string | null | undefined, today = new Date()): string | null {
  if (!expiresOn) return null;
  const expiry = Date.parse(`${expiresOn}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const days = Math.round((expiry - start) / dayMs);
  if (days > warnDays) return null;
  if (days < 0) return `The Microsoft Entra client secret expired on ${expiresOn}. Directory syncs fail until you save a new secret on the MS AAD screen.`;
  if (days === 0) return "The Microsoft Entra client secret expires today. Create a new one and save it on the MS AAD screen.";
  return `The Microsoft Entra client secret expires in ${days} day${days === 1 ? "" : "s"} (${expiresOn}). Create a new one and save it on the MS AAD screen.`;
}
