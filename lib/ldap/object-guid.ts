/**
 * AD stores objectGUID as 16 bytes with the first three groups little-endian
 * (the Windows GUID struct), so the bytes 67 45 23 01 ab 89 … read as
 * 01234567-89ab-…, which is how AD tools, PowerShell and Entra show it.
 */
export function objectGuidToString(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error(`An objectGUID has 16 bytes, not ${bytes.length}.`);
  const hex = (indexes: number[]) => indexes.map((i) => bytes[i]!.toString(16).padStart(2, "0")).join("");
  return [hex([3, 2, 1, 0]), hex([5, 4]), hex([7, 6]), hex([8, 9]), hex([10, 11, 12, 13, 14, 15])].join("-");
}
