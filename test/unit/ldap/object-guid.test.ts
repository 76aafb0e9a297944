import { describe, expect, it } from "vitest";
import { objectGuidToString } from "@/lib/ldap/object-guid";

describe("objectGuidToString", () => {
  it("reads the first three groups little-endian, the rest in order", () => {
    const bytes = Buffer.from("67452301ab89efcd0123456789abcdef", "hex");
    expect(objectGuidToString(bytes)).toBe("01234567-89ab-cdef-0123-456789abcdef");
  });

  it("matches a GUID as Windows shows it ([guid]::new(bytes) in PowerShell)", () => {
    // Bytes of {7d3a1f2e-5b4c-4d6e-8f90-a1b2c3d4e5f6} as the Windows GUID struct stores them.
    const bytes = Buffer.from([0x2e, 0x1f, 0x3a, 0x7d, 0x4c, 0x5b, 0x6e, 0x4d, 0x8f, 0x90, 0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6]);
    expect(objectGuidToString(bytes)).toBe("7d3a1f2e-5b4c-4d6e-8f90-a1b2c3d4e5f6");
  });

  it("pads small bytes and refuses anything but 16 bytes", () => {
    expect(objectGuidToString(new Uint8Array(16))).toBe("00000000-0000-0000-0000-000000000000");
    expect(() => objectGuidToString(new Uint8Array(15))).toThrow(/16 bytes/);
  });
});
