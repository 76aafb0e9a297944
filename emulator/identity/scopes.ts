const OIDC_SCOPES = new Set(["openid", "profile", "email", "offline_access"]);
const GRAPH_PREFIXES = ["https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000/"];

export interface RequestedScopes {
  /** openid, profile, email, offline_access as requested. */
  oidc: string[];
  /** Graph delegated scopes without their resource prefix, e.g. "User.Read". */
  graph: string[];
}

/**
 * Splits an OAuth `scope` into OpenID Connect scopes and Graph permissions.
 * With only OIDC scopes, Entra issues a Graph token for User.Read, so the
 * emulator does the same.
 */
export function parseScopes(scope: string | null): RequestedScopes {
  const oidc: string[] = [];
  const graph: string[] = [];
  for (const raw of (scope ?? "").split(/\s+/).filter(Boolean)) {
    const lower = raw.toLowerCase();
    if (OIDC_SCOPES.has(lower)) {
      if (!oidc.includes(lower)) oidc.push(lower);
      continue;
    }
    const prefix = GRAPH_PREFIXES.find((p) => lower.startsWith(p));
    const name = prefix ? raw.slice(prefix.length) : raw;
    if (name !== ".default" && !graph.includes(name)) graph.push(name);
  }
  if (graph.length === 0) graph.push("User.Read");
  return { oidc, graph };
}

/** The `scope` the token endpoint reports back: Graph scopes fully qualified, then OIDC ones. */
export function grantedScopeString(scopes: RequestedScopes): string {
  return [...scopes.graph.map((name) => `https://graph.microsoft.com/${name}`), ...scopes.oidc].join(" ");
}
