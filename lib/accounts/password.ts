import argon2 from "argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a sign-in well under 100 ms
// on our 2-core machines while staying expensive to brute-force offline.
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, options);
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real verification, so that a sign-in for a portal
 * ID that does not exist cannot be told apart from a wrong password by timing.
 */
export async function verifyAgainstNothing(plain: string): Promise<false> {
  dummyHash ??= hashPassword("no account has this password");
  await verifyPassword(await dummyHash, plain);
  return false;
}
