import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryCredentialUses, type DirectoryCredentialKind } from "@/db/schema";
import { writeCredentialUses } from "@/lib/directory-credentials/credential-uses";

/**
 * Another process's uses of a credential in the current minute, added to its
 * row as that process's writes add them (after this process's own so far).
 * This process learns of them when it next writes its own uses of it.
 */
export async function usedElsewhere(customerId: string, kind: DirectoryCredentialKind, uses: number): Promise<void> {
  await writeCredentialUses();
  const u = directoryCredentialUses;
  await db()
    .insert(u)
    .values({ customerId, kind, lastUsedAt: new Date(), windowStartedAt: new Date(), windowCount: uses })
    .onConflictDoUpdate({ target: [u.customerId, u.kind], set: { windowCount: sql`${u.windowCount} + ${uses}` } });
}
