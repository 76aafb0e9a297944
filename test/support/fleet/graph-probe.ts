import type { BatchTenant } from "@/emulator";
import { newConfidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";

/**
 * Another process calling Graph for a tenant, as a worker or web process
 * does: one GET through the portal's Graph client (and so its shared budget),
 * when the test says so on stdin, then says it is done on stdout. Started by test/integration/sync/fleet.test.ts.
 */
const tenant = JSON.parse(process.argv[2]!) as BatchTenant;
const client = graphClient(newConfidentialClient({ customerId: "probe", ...tenant }), { ...tenant, tenantUsers: null });
// Loaded: the test says when to call (its faults set), so the call does not depend on how long loading took.
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
await new Promise((resolve) => process.stdin.once("data", resolve));
await client.api("/users").select("id").top(5).get();
process.stdout.write(`${JSON.stringify({ done: true })}\n`);
process.exit(0);
