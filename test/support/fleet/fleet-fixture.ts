import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { customers, entraSettings, syncRuns } from "@/db/schema";
import { uuidArray } from "@/db/sql-names";
import type { BatchTenant } from "@/emulator";
import { directorySyncQueue, jobRetryOptions } from "@/lib/jobs/directory-sync-job";
import { seal } from "@/lib/secrets/secret-box";

export type FleetCustomer = { customerId: string; tenant: BatchTenant };

/**
 * A fleet of customers, each with MS AAD settings naming its tenant (one row
 * each, written in two statements rather than through the settings form: the
 * form's tenant proof and a manager's password hash are not what a fleet test
 * is about). Guests are synced so that every user of a tenant is an entry.
 */
export async function createFleet(tenants: BatchTenant[]): Promise<FleetCustomer[]> {
  const fleet = tenants.map((tenant) => ({ customerId: randomUUID(), tenant }));
  await db()
    .insert(customers)
    .values(fleet.map(({ customerId }) => ({ id: customerId, name: `Fleet ${customerId.slice(0, 8)}`, slug: `fleet-${customerId}` })));
  await db()
    .insert(entraSettings)
    .values(
      fleet.map(({ customerId, tenant }) => {
        const sealed = seal(tenant.clientSecret, customerId);
        return {
          customerId,
          tenantId: tenant.tenantId,
          clientId: tenant.clientId,
          secretCiphertext: sealed.ciphertext,
          secretKeyId: sealed.keyId,
          skipGuests: false,
        };
      }),
    );
  return fleet;
}

/**
 * Every customer's scheduled sync falls due: the jobs their schedulers would add, in one go, each in its lane
 * (`priorityOf`; the middle lane, as for a company never synced, unless said) — at once, or each after its own
 * delay (`delayMsOf`: a schedule's jitter).
 */
export async function fallDue(
  fleet: FleetCustomer[],
  { priorityOf = () => 3, delayMsOf = () => 0 }: { priorityOf?: (customer: FleetCustomer) => number; delayMsOf?: (customer: FleetCustomer) => number } = {},
): Promise<void> {
  await directorySyncQueue().addBulk(
    fleet.map((customer) => ({
      name: "scheduled-sync",
      data: { customerId: customer.customerId, connector: "entra" as const },
      opts: { ...jobRetryOptions(), priority: priorityOf(customer), delay: delayMsOf(customer) },
    })),
  );
}

/** The fleet's runs, once every customer has a final one (or the time is up). */
export async function waitForFleet(fleet: FleetCustomer[], timeoutMs: number) {
  const ids = fleet.map((c) => c.customerId);
  // One array parameter, not a list of thousands: the benchmark polls while its fleet runs, on the same cores.
  const ofFleet = sql`${syncRuns.customerId} = any(${uuidArray(ids)})`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db()
      .select({ done: sql<number>`count(distinct ${syncRuns.customerId})::int` })
      .from(syncRuns)
      .where(sql`${ofFleet} and ${syncRuns.status} not in ('queued', 'running')`);
    if ((row?.done ?? 0) >= ids.length || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return db().select().from(syncRuns).where(ofFleet);
}
