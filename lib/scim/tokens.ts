import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNotNull, isNull, notExists } from "drizzle-orm";
import { db } from "@/db/client";
import { customers, scimTokens } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import type { ScimContext } from "./scim-context";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new bearer token for Entra's provisioning: returned once, kept only as a hash. */
export async function createScimToken(actor: CustomerActor, label: string): Promise<{ id: string; token: string }> {
  const token = `swb_scim_${randomBytes(32).toString("base64url")}`;
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({ customerId: actor.customerId, label, tokenHash: hash(token), hint: token.slice(-4), createdBy: actor.accountId })
      .returning({ id: scimTokens.id });
    await recordAudit(tx, actor, { action: "scim_token.create", targetType: "scim_token", targetId: row!.id, detail: { label } });
    return { id: row!.id, token };
  });
}

export async function revokeScimToken(actor: CustomerActor, tokenId: string): Promise<void> {
  await db().transaction(async (tx) => {
    const revoked = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(and(ofCustomer(scimTokens, actor.customerId), eq(scimTokens.id, tokenId), isNull(scimTokens.revokedAt)))
      .returning({ id: scimTokens.id });
    if (revoked.length === 0) throw notFound("The token");
    await recordAudit(tx, actor, { action: "scim_token.revoke", targetType: "scim_token", targetId: tokenId });
  });
}

export function listScimTokens({ customerId }: { customerId: string }) {
  return db()
    .select({
      id: scimTokens.id,
      label: scimTokens.label,
      hint: scimTokens.hint,
      createdAt: scimTokens.createdAt,
      lastUsedAt: scimTokens.lastUsedAt,
      revokedAt: scimTokens.revokedAt,
    })
    .from(scimTokens)
    .where(ofCustomer(scimTokens, customerId))
    .orderBy(desc(scimTokens.createdAt));
}

/** The customer a bearer token acts for, or null when it is unknown or revoked; marks it used. */
export async function authenticateScimToken(token: string): Promise<ScimContext | null> {
  // A suspended company's tokens answer as a wrong one does: 401, no data, and not even "last used" changes.
  const [row] = await db()
    .update(scimTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(scimTokens.tokenHash, hash(token)),
        isNull(scimTokens.revokedAt),
        notExists(
          db()
            .select({ id: customers.id })
            .from(customers)
            .where(and(eq(customers.id, scimTokens.customerId), isNotNull(customers.suspendedAt))),
        ),
      ),
    )
    .returning({ id: scimTokens.id, customerId: scimTokens.customerId });
  return row ? { customerId: row.customerId, tokenId: row.id } : null;
}
