import { env } from "@/lib/env";

/** Where Microsoft sends people back after "Sign in with Microsoft"; customers register it on their app. */
export function microsoftRedirectUri(): string {
  const base = (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}/api/auth/callback/azure-ad`;
}
