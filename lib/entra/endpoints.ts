import { env } from "@/lib/env";

/**
 * Where Microsoft's identity platform and Graph are. In production these are
 * Microsoft's own hosts and none of the overrides below apply; pointed at the
 * emulator, msal needs the host listed as a known authority (or it would ask
 * login.microsoftonline.com for instance discovery) and the Graph client
 * needs it as a custom host (or it silently sends no token).
 */
const microsoftAuthority = "https://login.microsoftonline.com";
const microsoftGraph = "https://graph.microsoft.com";

export function authorityFor(tenantId: string): string {
  return `${env().ENTRA_AUTHORITY_HOST.replace(/\/$/, "")}/${tenantId}`;
}

export function knownAuthorities(): string[] {
  const host = new URL(env().ENTRA_AUTHORITY_HOST);
  return host.origin === microsoftAuthority ? [] : [host.host];
}

export function graphBaseUrl(): string {
  return env().GRAPH_BASE_URL.replace(/\/$/, "");
}

export function graphCustomHosts(): Set<string> | undefined {
  const base = new URL(graphBaseUrl());
  return base.origin === microsoftGraph ? undefined : new Set([base.hostname]);
}

/** The scope names Graph as a resource, whatever host serves it (the emulator expects the real name too). */
export const graphScope = (): string => `${microsoftGraph}/.default`;
