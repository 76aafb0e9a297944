import type { ConnectorId } from "@/lib/sync/connector";

/**
 * What the portal shows of each connector: its screen's name (the one
 * customers know) and where its screens live. Free of server code, so client
 * components may read it; the registry's connectors take their label from here.
 */
export const connectorScreens = {
  entra: { label: "MS AAD", segment: "entra" },
  "active-directory": { label: "Active Directory", segment: "active-directory" },
} as const satisfies Record<ConnectorId, { label: string; segment: string }>;
