import { z } from "zod";
import { faultSettingsSchema } from "../faults/fault-settings";
import { generateUsers } from "../seed/generate-users";
import type { EmulatorState } from "../state/emulator-state";

export const tenantBatchBody = z.object({
  /** One tenant per entry, with this many generated users. */
  sizes: z.array(z.number().int().min(0).max(200_000)).min(1).max(5_000),
  seed: z.string().min(1).max(128),
  /** Set on every tenant of the batch (Graph-like latency, resource-unit throttling). */
  faults: faultSettingsSchema.optional(),
});

export type BatchTenant = { tenantId: string; clientId: string; clientSecret: string; userCount: number };

/**
 * Many small tenants in one admin call — each with generated users and an app
 * allowed to read them, holding a secret — for fleet tests and benchmarks that
 * need thousands of customers: one round trip instead of three per tenant.
 */
export function createTenantBatch(state: EmulatorState, input: z.infer<typeof tenantBatchBody>): BatchTenant[] {
  return input.sizes.map((size, i) => {
    const tenant = state.createTenant({ displayName: `Fleet ${input.seed} ${i + 1}` });
    const app = tenant.createApp({ displayName: "Fleet sync", permissions: ["User.Read.All", "GroupMember.Read.All"] });
    const secret = app.addSecret();
    if (size > 0) generateUsers(tenant, size, `${input.seed}-${i}`);
    if (input.faults) tenant.faults.set(input.faults);
    return { tenantId: tenant.id, clientId: app.clientId, clientSecret: secret.value, userCount: size };
  });
}
