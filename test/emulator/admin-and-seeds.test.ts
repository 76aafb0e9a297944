import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_TENANT, DEMO_USER_IDS, EmulatorAdminError, createEmulatorAdmin, loadSeedFile, startEmulator } from "@/emulator";
import { useEmulator } from "./support/emulator-fixture";
import { appToken, graphGet } from "./support/graph-http";

describe("admin API, demo tenant and seeds", () => {
  const emulator = useEmulator();

  it("requires the admin key, and works from a client that trusts the CA only through NODE_EXTRA_CA_CERTS", async () => {
    const { url, adminKey } = emulator();
    expect((await fetch(`${url}/_emulator/tenants`)).status).toBe(401);
    await expect(createEmulatorAdmin(url, "wrong-key").listTenants()).rejects.toBeInstanceOf(EmulatorAdminError);
    const fromAnotherProcess = createEmulatorAdmin(url, adminKey);
    expect((await fromAnotherProcess.listTenants()).map((tenant) => tenant.id)).toContain(DEMO_TENANT.tenantId);
    await expect(fromAnotherProcess.demo()).resolves.toMatchObject({ tenantId: DEMO_TENANT.tenantId, clientSecret: DEMO_TENANT.clientSecret });
  });

  it("seeds the demo tenant with fixed IDs: the same on every start", async () => {
    const second = await startEmulator({ port: 0 });
    try {
      for (const running of [emulator(), second]) {
        expect(running.demo).toEqual({
          tenantId: DEMO_TENANT.tenantId,
          clientId: DEMO_TENANT.clientId,
          clientSecret: DEMO_TENANT.clientSecret,
          domain: DEMO_TENANT.domain,
        });
        const token = await appToken(running, DEMO_TENANT.tenantId, DEMO_TENANT.clientId, DEMO_TENANT.clientSecret);
        const megan = await graphGet(running, `/v1.0/users/${DEMO_USER_IDS.MeganB}?$select=id,displayName,userPrincipalName`, token);
        expect(megan.body).toMatchObject({ id: DEMO_USER_IDS.MeganB, displayName: "Megan Bowen", userPrincipalName: `MeganB@${DEMO_TENANT.domain}` });
      }
      const ids = async (admin: typeof second.admin) =>
        (await admin.listUsers(DEMO_TENANT.tenantId)).users.map((user) => [user.id, user.userPrincipalName, user.managerId]);
      expect(await ids(second.admin)).toEqual(await ids(emulator().admin));
      expect((await ids(second.admin)).length).toBeGreaterThanOrEqual(20);
    } finally {
      await second.close();
    }
  });

  it("generates the same realistic users for the same seed", async () => {
    const second = await startEmulator({ port: 0, seed: "empty" });
    try {
      const batches = [];
      for (const admin of [emulator().admin, second.admin]) {
        await admin.createTenant({ id: "7b1f7c2e-0000-4000-8000-00000000cafe", displayName: "Woodgrove" });
        const result = await admin.generateUsers("7b1f7c2e-0000-4000-8000-00000000cafe", 300, "fixed-seed");
        const users = (await admin.listUsers("7b1f7c2e-0000-4000-8000-00000000cafe")).users.map(({ createdDateTime, ...rest }) => rest);
        batches.push({ result, users });
      }
      expect(batches[1]).toEqual(batches[0]);
      const users = batches[0]!.users;
      expect(users.some((user) => user.userType === "Guest" && user.userPrincipalName.includes("#EXT#@woodgrove.onmicrosoft.com"))).toBe(true);
      expect(
        users.every((user) => user.displayName && (user.userType === "Guest" || (user.department && user.jobTitle && user.businessPhones.length === 1))),
      ).toBe(true);
      expect(users.filter((user) => user.managerId).length).toBeGreaterThan(250);
    } finally {
      await second.close();
    }
  });

  it("starts from a seed file with name-derived IDs, managers, nested groups and apps", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "emulator-seed-"));
    const file = path.join(dir, "seed.json");
    await writeFile(
      file,
      JSON.stringify({
        demo: false,
        tenants: [
          {
            displayName: "Northwind Traders",
            domains: ["northwind.example"],
            apps: [
              {
                displayName: "Portal",
                permissions: ["User.Read.All"],
                redirectUris: ["http://localhost:3100/cb"],
                secrets: [{ value: "northwind-secret-value" }],
              },
            ],
            users: [
              { userPrincipalName: "boss@northwind.example", displayName: "Nancy Davolio", password: "pw-1" },
              { userPrincipalName: "andrew@northwind.example", displayName: "Andrew Fuller", manager: "boss@northwind.example" },
            ],
            groups: [
              { displayName: "Everyone", members: ["Managers", "andrew@northwind.example"] },
              { displayName: "Managers", members: ["boss@northwind.example"] },
            ],
          },
        ],
      }),
    );
    try {
      const seed = await loadSeedFile(file);
      const runs = [await startEmulator({ port: 0, seed }), await startEmulator({ port: 0, seed })];
      try {
        const views = await Promise.all(
          runs.map(async (run) => ({ demo: run.demo, tenants: await run.admin.listTenants(), users: (await run.admin.listUsers("northwind.example")).users })),
        );
        expect(views[0]!.demo).toBeUndefined();
        expect(views[0]!.tenants.map((t) => t.id)).toEqual(views[1]!.tenants.map((t) => t.id));
        expect(views[0]!.users.map((u) => u.id)).toEqual(views[1]!.users.map((u) => u.id));
        const [boss, andrew] = views[0]!.users;
        expect(andrew!.managerId).toBe(boss!.id);
        const tenant = views[0]!.tenants[0]!;
        const token = await appToken(runs[0]!, tenant.id, tenant.apps[0]!.clientId, "northwind-secret-value");
        expect((await graphGet(runs[0]!, "/v1.0/users", token)).body.value).toHaveLength(2);
      } finally {
        await Promise.all(runs.map((run) => run.close()));
      }
      await writeFile(file, JSON.stringify({ tenants: [{ users: [{ displayName: "No UPN" }] }] }));
      await expect(loadSeedFile(file)).rejects.toThrow(/seed\.json is not valid:\n.*tenants\.0\.displayName/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
