import { beforeAll, describe, expect, it } from "vitest";
import type { Client } from "@microsoft/microsoft-graph-client";
import type { EmulatorAdmin } from "@/emulator";
import { ListingBudget } from "@/lib/connectors/entra/listing-budget";
import { listingPages } from "@/lib/connectors/entra/listing-pages";
import { mergePages } from "@/lib/connectors/entra/merge-pages";
import { PageCharges } from "@/lib/connectors/entra/page-charges";
import { shardFilters, uncoveredFilter } from "@/lib/connectors/entra/upn-shards";
import { useEmulator } from "./support/emulator-fixture";
import { graphClient, msalAuthProvider } from "./support/graph-client";
import { appToken, graphGet } from "./support/graph-http";

/**
 * The listings a sharded full round reads (issue 19), sent by the real Graph
 * client exactly as the connector builds them: together they hold every user
 * exactly once, whatever the first character of the UPN, and the advanced
 * `$count` of the users no listing matches proves it.
 */
describe("a tenant read as parallel /users listings", () => {
  const emulator = useEmulator({ seed: "empty" });
  let admin: EmulatorAdmin;
  let tenantId = "";
  let token = "";
  let client: Client;
  const oddUpns = ["7seven", "0zero", "o'neil", "'quoted", "-dash", "_under", "!bang", "#hash", "^caret", "~tilde", "Upper.Case"];

  beforeAll(async () => {
    admin = emulator().admin;
    tenantId = (await admin.createTenant({ displayName: "Shards" })).id;
    const app = await admin.createApp(tenantId, { displayName: "Shards", permissions: ["User.Read.All"], secret: {} });
    await admin.generateUsers(tenantId, 20_000, "shards");
    const domain = (await admin.getTenant(tenantId)).defaultDomain;
    for (const local of oddUpns) await admin.createUser(tenantId, { userPrincipalName: `${local}@${domain}`, displayName: local });
    token = await appToken(emulator(), tenantId, app.clientId, app.secret!.value);
    client = graphClient(emulator(), msalAuthProvider(emulator(), tenantId, app.clientId, app.secret!.value));
  }, 60_000);

  const uncovered = async () =>
    (await graphGet(emulator(), `/v1.0/users/$count?$filter=${encodeURIComponent(uncoveredFilter())}`, token, { ConsistencyLevel: "eventual" })).body;

  it("holds every one of 20,000 users exactly once across 8 listings read at once, UPNs beginning with letters, digits and signs", async () => {
    const seen = new Map<string, number>();
    const upns: string[] = [];
    // A budget of two full pages at once: the eight listings take turns, and still hold everyone once.
    const budget = new ListingBudget(2_000);
    const held = new PageCharges();
    for await (const page of mergePages(shardFilters(8).map((filters) => listingPages(client, { filters, budget, firstPage: 999, held })))) {
      for (const user of page) {
        seen.set(user.id, (seen.get(user.id) ?? 0) + 1);
        upns.push(user.userPrincipalName!);
      }
      // Done with the page, as the walk is once it is written: its charge lets the next listing in.
      held.release(page);
    }
    const count = (await graphGet(emulator(), "/v1.0/users/$count", token, { ConsistencyLevel: "eventual" })).body;
    expect(count).toBe(20_000 + oddUpns.length);
    expect(seen.size).toBe(count);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    for (const local of oddUpns) expect(upns.some((upn) => upn.startsWith(`${local}@`))).toBe(true);
    expect(await uncovered()).toBe(0);
  });

  it("counts a user no listing covers, and refuses the count without ConsistencyLevel: eventual, as Graph does", async () => {
    const domain = (await admin.getTenant(tenantId)).defaultDomain;
    const odd = await admin.createUser(tenantId, { userPrincipalName: `+plus@${domain}`, displayName: "Plus" });
    try {
      expect(await uncovered()).toBe(1);
      const refused = await graphGet(emulator(), `/v1.0/users/$count?$filter=${encodeURIComponent(uncoveredFilter())}`, token);
      expect(refused.status).toBe(400);
      // `not` is an advanced query on a listing too: refused without the header and $count=true.
      const listing = await graphGet(emulator(), `/v1.0/users?$filter=${encodeURIComponent(uncoveredFilter())}`, token);
      expect(listing.body.error.code).toBe("Request_UnsupportedQuery");
    } finally {
      await admin.hardDeleteUser(tenantId, odd.id);
    }
  });

  it("refuses an `or` of more than 15 clauses as Graph does, so a shard never asks for one", async () => {
    const chain = (n: number) => Array.from({ length: n }, (_, i) => `startswith(userPrincipalName,'${String.fromCharCode(97 + i)}')`).join(" or ");
    expect((await graphGet(emulator(), `/v1.0/users?$filter=${encodeURIComponent(chain(15))}`, token)).status).toBe(200);
    const refused = await graphGet(emulator(), `/v1.0/users?$filter=${encodeURIComponent(chain(16))}`, token);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe("Too many child clauses specified in search filter expression containing 'OR' operators: 16. Max allowed: 15.");
    for (const n of [1, 2, 3, 8]) for (const filter of shardFilters(n).flat()) expect(filter.split(" or ").length).toBeLessThanOrEqual(15);
  });

  it("starts a delta round from now with $deltatoken=latest: no users, and only later changes after it", async () => {
    const latest = await graphGet(emulator(), `/v1.0/users/delta?$deltatoken=latest&$select=id,userPrincipalName`, token);
    expect(latest.body.value).toEqual([]);
    expect(latest.body["@odata.nextLink"]).toBeUndefined();
    const domain = (await admin.getTenant(tenantId)).defaultDomain;
    const later = await admin.createUser(tenantId, { userPrincipalName: `later@${domain}`, displayName: "Later" });
    const changes = await graphGet(emulator(), latest.body["@odata.deltaLink"], token);
    expect(changes.body.value.map((u: { id: string }) => u.id)).toEqual([later.id]);
  });
});
