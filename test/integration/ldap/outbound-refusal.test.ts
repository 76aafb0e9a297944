import { createServer, connect, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import type { Worker } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { ldapSettings } from "@/db/schema";
import { signInWithDirectory } from "@/lib/auth/sign-in-with-directory";
import { env } from "@/lib/env";
import { saveLdapSettings } from "@/lib/connectors/active-directory/settings/save-ldap-settings";
import { testLdapAuthentication } from "@/lib/connectors/active-directory/settings/test-ldap-authentication";
import { testLdapSettings } from "@/lib/connectors/active-directory/settings/test-ldap-settings";
import { outboundRefusalMessage } from "@/lib/net/outbound-address";
import { ldapConnectionInput, ldapSettingsInput, ldapTestAuthenticationInput } from "@/lib/validation/ldap-settings-input";
import { createCustomerWithManager } from "../../support/factories";
import { configureLdap, importNow } from "../../support/ldap-fixture";
import { startTestWorker } from "../../support/sync-fixture";

// The portal's default: no internal address at all. The other test files allow
// loopback (the test domain controller is on 127.0.0.1); this one must not.
// Set before anything reads (and caches) the configuration.
vi.stubEnv("OUTBOUND_ALLOW", "none");

/** A local TCP server that only counts who connects: the refusal must leave it at 0. */
let listener: Server;
let connections = 0;
let port: number;
let worker: Worker;

beforeAll(async () => {
  listener = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  port = (listener.address() as AddressInfo).port;
  worker = startTestWorker();
});
afterAll(async () => {
  await worker.close();
  await new Promise((resolve) => listener.close(resolve));
  vi.unstubAllEnvs();
});

const connection = (url: string, startTls = false) =>
  ldapConnectionInput.parse({
    url,
    startTls: startTls ? "on" : undefined,
    baseDn: "DC=contoso,DC=test",
    bindName: "svc@contoso.test",
    bindPassword: "S3cret!pass",
  });

describe("with the default OUTBOUND_ALLOW (none)", () => {
  it("reads the default as allowing no internal network", () => {
    expect(env().OUTBOUND_ALLOW).toEqual({ private: false, loopback: false });
  });

  it("answers Test connection to any loopback port with the same refusal, at once, without connecting", async () => {
    const manager = await createCustomerWithManager();
    const urls = [
      "ldaps://127.0.0.1:6379",
      "ldaps://127.0.0.1:5432",
      "ldaps://127.0.0.1:1",
      `ldaps://127.0.0.1:${port}`,
      `ldaps://localhost:${port}`,
      `ldaps://2130706433:${port}`,
      `ldaps://0x7f.1:${port}`,
      `ldaps://[::ffff:127.0.0.1]:${port}`,
      `ldaps://[::1]:${port}`,
      `ldap://127.0.0.1:${port}`,
      "ldaps://169.254.169.254",
      "ldaps://10.0.0.1",
      "ldaps://metadata.google.internal",
    ];
    const answers = [];
    for (const url of urls) {
      const started = performance.now();
      const result = await testLdapSettings(manager, connection(url, url.startsWith("ldap://")));
      answers.push({ result, ms: performance.now() - started });
    }
    for (const { result } of answers) {
      expect(result).toEqual({ ok: false, code: "address_not_allowed", message: `${outboundRefusalMessage} (address_not_allowed)` });
    }
    // Before the fix :6379 took 10 s and :1 23 ms; a refusal sends nothing, so waits for nothing.
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2_000);
    expect(connections).toBe(0);
  });

  it("refuses to save an internal address, on the address field, storing nothing", async () => {
    const manager = await createCustomerWithManager();
    const form = {
      usage: "use",
      url: `ldaps://127.0.0.1:${port}`,
      baseDn: "DC=contoso,DC=test",
      bindName: "svc@contoso.test",
      bindPassword: "S3cret!pass",
      period: "daily",
      weekday: "",
      runHour: "3",
      runMinute: "0",
      runSecond: "0",
      removalThresholdPercent: "20",
    };
    for (const url of [`ldaps://127.0.0.1:${port}`, `ldaps://localhost:${port}`, "ldaps://2130706433", "ldaps://[fe80::1]", "ldaps://192.168.1.10"]) {
      await expect(saveLdapSettings(manager, ldapSettingsInput.parse({ ...form, url }))).rejects.toMatchObject({
        code: "invalid_input",
        fieldErrors: { url: outboundRefusalMessage },
      });
    }
    expect(await db().select().from(ldapSettings).where(eq(ldapSettings.customerId, manager.customerId))).toEqual([]);
    expect(connections).toBe(0);
  });

  it("refuses stored settings that point inside (saved before, or by a name that now resolves inside) for Test authentication, directory sign-in and imports", async () => {
    const manager = await createCustomerWithManager();
    await configureLdap(manager, { url: `ldaps://localhost:${port}`, baseDn: "DC=contoso,DC=test", authenticationEnabled: true });

    const tested = await testLdapAuthentication(manager, ldapTestAuthenticationInput.parse({ username: "bob", password: "B0b!Passw0rd" }));
    expect(tested).toMatchObject({ ok: false, code: "address_not_allowed" });
    expect(tested.message).toContain(outboundRefusalMessage);

    await expect(signInWithDirectory({ company: manager.slug, username: "bob", password: "B0b!Passw0rd", clientAddress: "203.0.113.9" })).rejects.toMatchObject(
      {
        code: "unavailable",
      },
    );

    const run = await importNow(manager);
    expect(run).toMatchObject({ status: "failed", errorCode: "address_not_allowed" });
    expect(run.error).toContain(outboundRefusalMessage);
    expect(connections).toBe(0);
  });

  it("counts connections at all (so the zeros above mean something)", async () => {
    const before = connections;
    await new Promise<void>((resolve, reject) => connect(port, "127.0.0.1", resolve).on("error", reject));
    await vi.waitFor(() => expect(connections).toBe(before + 1));
    connections = before;
  });
});
