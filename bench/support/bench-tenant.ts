import type { EmulatorAdmin } from "../../emulator";

export interface BenchTenant {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  userCount: number;
  generateMs: number;
}

/** A tenant of generated users with an app that may read them, as a customer would register it. */
export async function createBenchTenant(admin: EmulatorAdmin, displayName: string, userCount: number): Promise<BenchTenant> {
  const tenantId = (await admin.createTenant({ displayName })).id;
  const app = await admin.createApp(tenantId, { displayName: "Bench sync", permissions: ["User.Read.All"], secret: {} });
  const started = performance.now();
  await admin.generateUsers(tenantId, userCount, "bench");
  return { tenantId, clientId: app.clientId, clientSecret: app.secret!.value, userCount, generateMs: performance.now() - started };
}
