import { createEmulatorAdmin } from "../../emulator/admin/create-emulator-admin";

const MILLION = 1_000_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await work();
  return [result, performance.now() - t0];
}

/**
 * A million users: paging and delta cost should follow the page, not the
 * tenant. Prints the first and last page of a full listing (raw fetch, so the
 * client's own work stays out of it) and a one-change delta round.
 */
export async function scaleChecks(url: string, adminKey: string): Promise<void> {
  const admin = createEmulatorAdmin(url, adminKey);
  const tenantId = (await admin.createTenant({ displayName: "Scale" })).id;
  const app = await admin.createApp(tenantId, { displayName: "Scale sync", permissions: ["User.Read.All"], secret: {} });
  const [generated, generateMs] = await timed(() => admin.generateUsers(tenantId, MILLION, "scale"));
  const tokenResponse = await fetch(`${url}/${tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: app.clientId,
      client_secret: app.secret!.value,
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const get = async (target: string, headers: Record<string, string> = {}) => {
    const response = await fetch(target, { headers: { authorization: `Bearer ${token}`, ...headers } });
    return (await response.json()) as Record<string, unknown> & { value: unknown[] };
  };

  const pageTimes: number[] = [];
  let next: string | undefined = `${url}/v1.0/users?$top=999`;
  let listed = 0;
  const [, listMs] = await timed(async () => {
    while (next) {
      const [page, ms] = await timed(() => get(next!));
      pageTimes.push(ms);
      listed += page.value.length;
      next = page["@odata.nextLink"] as string | undefined;
    }
  });
  const latest = await get(`${url}/v1.0/users/delta?$deltatoken=latest`);
  await admin.updateUser(tenantId, generated.lastId!, { jobTitle: "Changed" });
  const [changes, deltaMs] = await timed(() => get(latest["@odata.deltaLink"] as string));
  const mid = pageTimes.slice(1, -1).sort((a, b) => a - b);

  console.log(`
Scale: ${MILLION.toLocaleString("en-US")} more users in a second tenant (generated in ${Math.round(generateMs)} ms)
  full listing, raw fetch: ${listed.toLocaleString("en-US")} users, ${pageTimes.length} pages in ${Math.round(listMs)} ms
  page times (ms): first ${pageTimes[0]!.toFixed(1)}, median ${mid[Math.floor(mid.length / 2)]!.toFixed(1)}, last ${pageTimes.at(-1)!.toFixed(1)}
  delta round after one change: ${changes.value.length} item(s) in ${deltaMs.toFixed(1)} ms`);
}
