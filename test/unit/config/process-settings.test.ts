import { describe, expect, it } from "vitest";
import { parseCliOptions } from "@/emulator/cli-options";
import { logSettings } from "@/lib/logging/log-settings";
import { parseLauncherEnv } from "@/scripts/launcher/launcher-env";

const secrets = { NEXTAUTH_SECRET: "x".repeat(32), ENCRYPTION_KEYS: "k1:AAAA" };

describe("the launcher's settings", () => {
  it("defaults to the demo on port 3000 with no variables at all", () => {
    expect(parseLauncherEnv({})).toEqual({
      PORT: 3000,
      EMBEDDED_DB_PORT: 0,
      EMULATOR_PORT: 8443,
      DEMO_SEED: false,
      PHONEBOOK_LDAPS_PORT: 6636,
      PHONEBOOK_LDAP_PORT: 6389,
    });
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "0"],
    ["PORT", "70000"],
    ["PORT", "30.5"],
    ["EMBEDDED_DB_PORT", "-1"],
    ["EMULATOR_PORT", "https"],
  ])("names %s=%s as not a port, instead of listening on NaN", (name, value) => {
    expect(() => parseLauncherEnv({ [name]: value })).toThrowError(new RegExp(`^Invalid environment configuration:\\n  ${name}: must be a port number$`));
  });

  it("reads ports, the demo seed flag and the URLs", () => {
    const settings = parseLauncherEnv({
      PORT: "8080",
      DEMO_SEED: "true",
      DATABASE_URL: "postgres://db/portal",
      NEXTAUTH_URL: "https://portal.example",
      ...secrets,
    });
    expect(settings).toMatchObject({ PORT: 8080, DEMO_SEED: true, DATABASE_URL: "postgres://db/portal", NEXTAUTH_URL: "https://portal.example" });
  });

  it("refuses a DEMO_SEED that is neither true nor false", () => {
    expect(() => parseLauncherEnv({ DEMO_SEED: "yes" })).toThrowError(/DEMO_SEED: must be "true" or "false"/);
  });

  it("requires both secrets with a DATABASE_URL, and names each missing one", () => {
    expect(() => parseLauncherEnv({ DATABASE_URL: "postgres://db/portal" })).toThrowError(
      /NEXTAUTH_SECRET: must be set when DATABASE_URL is[\s\S]*ENCRYPTION_KEYS: must be set when DATABASE_URL is/,
    );
  });

  it("treats an empty variable as unset, as `VAR=` in a shell means", () => {
    expect(parseLauncherEnv({ PORT: "", DATABASE_URL: "" })).toEqual(parseLauncherEnv({}));
  });
});

describe("the logger's settings", () => {
  it("labels lines web at info level unless told otherwise", () => {
    expect(logSettings({})).toEqual({ LOG_LEVEL: "info", SERVICE_NAME: "web" });
    expect(logSettings({ LOG_LEVEL: "debug", SERVICE_NAME: "worker" })).toEqual({ LOG_LEVEL: "debug", SERVICE_NAME: "worker" });
  });

  it("names a LOG_LEVEL pino does not know", () => {
    expect(() => logSettings({ LOG_LEVEL: "loud" })).toThrowError(/LOG_LEVEL:/);
  });
});

describe("the emulator CLI's options", () => {
  it("defaults to the demo tenant on 127.0.0.1:8443, the admin key from EMULATOR_ADMIN_KEY", () => {
    expect(parseCliOptions({}, { EMULATOR_ADMIN_KEY: "key" })).toEqual({ port: 8443, host: "127.0.0.1", seed: "demo", "admin-key": "key" });
  });

  it("names a --port that is not one", () => {
    expect(() => parseCliOptions({ port: "abc" }, {})).toThrowError(/--port: must be a port number/);
  });
});
