import type { ConnectorId } from "@/db/schema";
import { activeDirectoryScreen } from "./active-directory/screen";
import { entraScreen } from "./entra/screen";

/**
 * What the portal shows of each connector: its screen's name (the one
 * customers know) and its route segment (/authority/<segment>). Free of server
 * code, so client components may read it; the connectors take their label
 * from the same place.
 */
export const connectorScreens = {
  entra: entraScreen,
  "active-directory": activeDirectoryScreen,
} as const satisfies Record<ConnectorId, { label: string; segment: string }>;
