import "server-only";
import type { ConnectorId } from "@/db/schema";
import type { Connector } from "@/lib/sync/connector";
import { activeDirectoryConnector } from "./active-directory/active-directory-connector";
import { entraConnector } from "./entra/entra-connector";
import { withProvisioning } from "@/lib/provisioning/with-provisioning";

/**
 * Every pull connector, by id: the one place that names them. The worker and
 * the actions hand `connectorOf` to the engine (lib/sync), which never names
 * a connector. A new connector is a folder beside these and a line here (and
 * its id in db/schema's `syncConnectors`).
 */
export const connectors: Record<ConnectorId, Connector> = {
  entra: withProvisioning(entraConnector),
  "active-directory": withProvisioning(activeDirectoryConnector),
};

export function connectorOf(id: ConnectorId): Connector {
  return connectors[id];
}
