const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Entra compares redirect URIs exactly, with one documented exception
 * ("Localhost exceptions" in Microsoft's redirect URI reference): for
 * `http://localhost` / `http://127.0.0.1` URIs the port is ignored when
 * matching, because local apps listen on whatever port is free. Scheme, host
 * and path must still match, and localhost does not match 127.0.0.1.
 */
export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(requested);
  } catch {
    return false;
  }
  const loopback = a.protocol === "http:" && LOOPBACK_HOSTS.has(a.hostname);
  return (
    loopback &&
    b.protocol === a.protocol &&
    b.hostname === a.hostname &&
    b.pathname === a.pathname &&
    b.search === a.search &&
    b.username === "" &&
    b.password === ""
  );
}
