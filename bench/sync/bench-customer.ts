import { db } from "../../db/client";
import { provisioningSettings } from "../../db/schema";
import type { CustomerActor } from "../../lib/actor";
import { saveEntraSettings } from "../../lib/connectors/entra/settings/save-entra-settings";
import { entraSettingsInput } from "../../lib/validation/entra-settings-input";
import { createCustomerWithManager } from "../../test/support/factories";
import type { BenchTenant } from "../support/bench-tenant";

/**
 * A customer whose MS AAD settings point at a benchmark tenant, saved as a
 * manager saves them. Guests are not skipped, so a full sync writes every
 * user of the tenant: the same rows the floor copies. No schedule (Not use):
 * the benchmark starts each run itself. With `provisioning`, every synced
 * person also becomes a user with an extension from a range and two devices
 * (softphone and mobile), as issue 14's benchmark asks.
 */
export async function benchCustomer(tenant: BenchTenant, options: { provisioning?: boolean } = {}): Promise<CustomerActor> {
  const manager = await createCustomerWithManager();
  const { tenantId, clientId, clientSecret } = tenant;
  const input = {
    usage: "not_use",
    tenantId,
    clientId,
    clientSecret,
    period: "daily",
    runHour: "2",
    runMinute: "0",
    runSecond: "0",
    removalThresholdPercent: "20",
  };
  await saveEntraSettings(manager, entraSettingsInput.parse(input));
  if (options.provisioning) {
    await db().insert(provisioningSettings).values({
      customerId: manager.customerId,
      source: "entra",
      enabled: true,
      extensionMode: "range",
      rangeStart: 1_000_000,
      rangeEnd: 9_999_999,
      createSoftphone: true,
      createMobile: true,
    });
  }
  return manager;
}
