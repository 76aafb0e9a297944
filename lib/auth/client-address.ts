/**
 * The address a request came from, for the per-address sign-in limit.
 * Next.js fills X-Forwarded-For from the socket when a request arrives without
 * one; behind a reverse proxy the proxy appends the address it saw. Either way
 * the right-most entry is the one set by a party we run, not by the client.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.at(-1) ?? "unknown";
}
