import { afterEach, describe, expect, it, vi } from "vitest";
import { demoLoginsText } from "@/scripts/launcher/demo-logins-text";
import { runQuietly } from "@/scripts/launcher/run-quietly";

describe("what npm start prints", () => {
  afterEach(() => vi.restoreAllMocks());

  it("holds back a successful build's output", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    runQuietly(process.execPath, ["-e", "console.log('Route (app) /users'); console.error('a warning')"], { cwd: process.cwd() }, "build");
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });

  it("prints a failed build's whole output, and fails", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const run = () =>
      runQuietly(
        process.execPath,
        ["-e", "console.log('Compiling'); console.error('Type error in app/x.tsx'); process.exit(1)"],
        { cwd: process.cwd() },
        "build",
      );
    expect(run).toThrow("build failed (exit 1)");
    expect(out).toHaveBeenCalledWith(expect.stringContaining("Compiling"));
    expect(err).toHaveBeenCalledWith(expect.stringContaining("Type error in app/x.tsx"));
  });

  it("lists the demo logins one a line, role and portal ID in columns", () => {
    const text = demoLoginsText({ operator: "operator", manager: "admin@contoso", user: "adele@contoso" }, "pw-1", true);
    expect(text.split("\n")).toEqual([
      "Demo logins (demo company just created), each with the password pw-1:",
      "  Operator operator",
      "  Manager  admin@contoso",
      "  User     adele@contoso",
    ]);
    expect(text).not.toMatch(/operator operator/);
  });
});
