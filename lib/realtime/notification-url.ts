import "server-only";
import { env } from "@/lib/env";

/** Where Graph sends change notifications and lifecycle events for every customer; null without PUBLIC_URL. */
export function notificationUrl(): string | null {
  const base = env().PUBLIC_URL;
  return base ? `${base}/api/graph/notifications` : null;
}

/** Graph takes only HTTPS notification URLs (the emulator also takes http://localhost). */
export const publicUrlMissing =
  "Real time is off: the portal has no public address. Set PUBLIC_URL to the portal's HTTPS address as the internet reaches it, so Microsoft can send change notifications. The schedule keeps the directory up to date meanwhile.";
