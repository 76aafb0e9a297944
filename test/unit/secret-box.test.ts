import { describe, expect, it, vi } from "vitest";
import { parseKeys } from "@/lib/secrets/secret-box";
const key = (byte: number) => Buffer.alloc(32, byte).toString("base64");

describe("secret box (AES-256-GCM)", () => {
  /** The module as a process with these keys would see it (the environment is read once per process). */
  async function load(keys: string) {
    vi.resetModules();
    process.env.ENCRYPTION_KEYS = keys;
    process.env.DATABASE_URL ??= "postgres://unused@127.0.0.1/unused";
    process.env.NEXTAUTH_SECRET ??= "unit-tests-secret-of-at-least-32-characters";
    return import("@/lib/secrets/secret-box");
  }

  it("seals with the first key and opens what it sealed, never storing the clear text", async () => {
    const box = await load(`new:${key(1)},old:${key(2)}`);
    const sealed = box.seal("s3cr3t-value", "customer-a");
    expect(sealed.keyId).toBe("new");
    expect(sealed.ciphertext).not.toContain("s3cr3t");
    expect(Buffer.from(sealed.ciphertext, "base64").toString("latin1")).not.toContain("s3cr3t");
    expect(box.open(sealed, "customer-a")).toBe("s3cr3t-value");
    expect(box.seal("s3cr3t-value", "customer-a").ciphertext).not.toBe(sealed.ciphertext); // fresh IV each time
  });

  it("opens secrets sealed under an older key after rotation, and says which need resealing", async () => {
    const before = await load(`old:${key(2)}`);
    const sealed = before.seal("value", "customer-a");
    const after = await load(`new:${key(1)},old:${key(2)}`);
    expect(after.open(sealed, "customer-a")).toBe("value");
    expect(after.needsResealing(sealed)).toBe(true);
  });

  it("refuses a ciphertext moved to another customer, or tampered with", async () => {
    const box = await load(`k:${key(3)}`);
    const sealed = box.seal("value", "customer-a");
    expect(() => box.open(sealed, "customer-b")).toThrow();
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[bytes.length - 1]! ^= 1;
    expect(() => box.open({ ...sealed, ciphertext: bytes.toString("base64") }, "customer-a")).toThrow();
  });

  it("explains a missing or malformed key list", async () => {
    expect(() => parseKeys("k:short")).toThrow(/32-byte/);
    const empty = await load("");
    expect(() => empty.seal("x", "c")).toThrow(/ENCRYPTION_KEYS is not set/);
  });
});
