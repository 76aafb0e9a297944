import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Who may read /metrics: a caller with `Authorization: Bearer <METRICS_TOKEN>`.
 * A token rather than "localhost only": behind the reverse proxy every request
 * reaches the web from the proxy's address (often loopback), and Prometheus
 * scrapes workers on other machines, so the network says nothing about the
 * caller. Without METRICS_TOKEN the endpoint is off (404 on the web, no
 * listener on the worker). Hashed before comparing, so the comparison's time
 * says nothing about the token's length.
 */
export function metricsEnabled(): boolean {
  return Boolean(env().METRICS_TOKEN);
}

export function mayReadMetrics(authorization: string | null | undefined): boolean {
  const token = env().METRICS_TOKEN;
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(authorization.slice("Bearer ".length)), digest(token));
}
