import type { Client } from "@microsoft/microsoft-graph-client";
import { withRetries } from "./with-retries";

/**
 * The user IDs in the chosen groups, nested groups included
 * (`transitiveMembers`), read once at the start of a run. Bounded by the size
 * of the groups a customer picked, not by the tenant.
 */
export async function groupMemberIds(client: Client, groupIds: readonly string[]): Promise<Set<string>> {
  const members = new Set<string>();
  for (const groupId of groupIds) {
    let url: string | undefined = `/groups/${groupId}/transitiveMembers?$select=id&$top=999`;
    while (url) {
      const current: string = url;
      const body: { value?: { id: string; "@odata.type"?: string }[]; "@odata.nextLink"?: string } = await withRetries(() => client.api(current).get());
      // Nested groups and devices are members too; only users are synced.
      for (const member of body.value ?? []) {
        if (!member["@odata.type"] || member["@odata.type"] === "#microsoft.graph.user") members.add(member.id.toLowerCase());
      }
      url = body["@odata.nextLink"];
    }
  }
  return members;
}
