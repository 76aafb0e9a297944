import "server-only";
import type { Connector } from "@/lib/sync/connector";
import { deprovision } from "./deprovision";
import { provisionPeople } from "./provision-people";
import { runRecords } from "./records";

/** A connector whose runs also provision its people (lib/provisioning): what the registry hands the engine. */
export function withProvisioning(connector: Connector): Connector {
  return {
    ...connector,
    provisioning: {
      afterPages: (input) => provisionPeople({ ...input, connector }),
      withRemovals: (tx, input) => deprovision(tx, { ...input, connector, record: runRecords({ id: input.runId, customerId: input.customerId }) }),
    },
  };
}
