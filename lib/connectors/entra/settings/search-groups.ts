import "server-only";
import { confidentialClient } from "@/lib/entra/confidential-client";
import { explainEntraError } from "@/lib/entra/explain-entra-error";
import { graphClient } from "@/lib/entra/graph-client";
import { AppError } from "@/lib/errors";
import { loadAppCredentials } from "./load-app-credentials";

/** Groups whose name starts with the search text, from the customer's tenant, for the sync's group filter. */
export async function searchGroups({ customerId, q }: { customerId: string; q: string }): Promise<{ id: string; displayName: string }[]> {
  const { credentials } = await loadAppCredentials({ customerId });
  const client = graphClient(confidentialClient(credentials), { clientId: credentials.clientId, tenantId: credentials.tenantId, tenantUsers: null });
  try {
    let request = client.api("/groups").select(["id", "displayName"]).top(25);
    // OData string literals escape a quote by doubling it.
    if (q) request = request.filter(`startswith(displayName,'${q.replace(/'/g, "''")}')`);
    const body: { value?: { id: string; displayName?: string }[] } = await request.get();
    return (body.value ?? []).map((g) => ({ id: g.id, displayName: g.displayName ?? g.id }));
  } catch (error) {
    const problem = explainEntraError(error);
    throw new AppError("unavailable", `${problem.message} (${problem.code})`);
  }
}
