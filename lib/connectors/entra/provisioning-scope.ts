import "server-only";
import type { SyncRun } from "@/db/schema";
import { confidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";
import { groupMemberIds } from "./group-members";
import { loadAppCredentials } from "./settings/load-app-credentials";

/** The people in the groups chosen for provisioning, nested groups included (Graph's transitiveMembers). */
export async function entraProvisioningScope(run: SyncRun, groups: readonly { id: string }[]): Promise<ReadonlySet<string>> {
  const { credentials } = await loadAppCredentials({ customerId: run.customerId });
  const client = graphClient(confidentialClient(credentials), { clientId: credentials.clientId, tenantId: credentials.tenantId, tenantUsers: null });
  return groupMemberIds(
    client,
    groups.map((g) => g.id),
  );
}
