import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { preparedOnce } from "@/db/prepared-once";
import { customers, directoryCredentials, directoryCredentialUses, type DirectoryCredentialKind } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { countryOf, type CountryCode } from "@/lib/phone/normalise-phone";
import { ofCustomer } from "@/lib/tenancy";
import { emitWebhookEventsQuietly } from "@/lib/webhook-events/emit-events";
import { countUse } from "./credential-uses";

export type { DirectoryCredentialKind };

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

// Far longer than a secret of ours: such a value is refused without hashing it.
const maxSecretLength = 200;

// A prefix per kind, so a secret found in a config file or a log says what it opens.
const prefixes: Record<DirectoryCredentialKind, string> = { phonebook_http: "swb_pb_", phonebook_ldap: "swb_ldap_", caller_id: "swb_cid_" };

// Audit actions keep the names caller-ID keys had before they joined the other credentials.
const auditNames: Record<DirectoryCredentialKind, string> = { phonebook_http: "phonebook_url", phonebook_ldap: "phonebook_ldap", caller_id: "caller_id_key" };

const ofKind = (customerId: string, kind: DirectoryCredentialKind) => and(ofCustomer(directoryCredentials, customerId), eq(directoryCredentials.kind, kind));

/**
 * A new credential of this kind for the customer, replacing the one it had
 * (rotation: the old one stops working at once). Returned once, kept only as
 * a hash.
 */
export async function createCredential(actor: CustomerActor, kind: DirectoryCredentialKind): Promise<{ secret: string; rotated: boolean }> {
  const secret = `${prefixes[kind]}${randomBytes(32).toString("base64url")}`;
  const made = await db().transaction(async (tx) => {
    const [previous] = await tx.select({ hint: directoryCredentials.hint }).from(directoryCredentials).where(ofKind(actor.customerId, kind)).for("update");
    const values = {
      secretHash: hash(secret),
      hint: secret.slice(-4),
      createdAt: new Date(),
      createdBy: actor.accountId,
    };
    await tx
      .insert(directoryCredentials)
      .values({ customerId: actor.customerId, kind, ...values })
      .onConflictDoUpdate({ target: [directoryCredentials.customerId, directoryCredentials.kind], set: values });
    // A new secret starts unused, with its own rate.
    await tx.delete(directoryCredentialUses).where(and(ofCustomer(directoryCredentialUses, actor.customerId), eq(directoryCredentialUses.kind, kind)));
    const rotated = previous !== undefined;
    await recordAudit(tx, actor, {
      action: `${auditNames[kind]}.${rotated ? "rotate" : "create"}`,
      targetType: auditNames[kind],
      targetId: actor.customerId,
      detail: rotated ? { replaced: `…${previous.hint}` } : {},
    });
    return { secret, rotated, hint: previous?.hint };
  });
  await announceCredentialChange(actor.customerId, kind, made.rotated ? "rotated" : "created");
  return { secret, rotated: made.rotated };
}

/** Deletes the customer's credential of this kind: whatever held it is refused from now on. */
export async function revokeCredential(actor: CustomerActor, kind: DirectoryCredentialKind): Promise<void> {
  await db().transaction(async (tx) => {
    const deleted = await tx.delete(directoryCredentials).where(ofKind(actor.customerId, kind)).returning({ hint: directoryCredentials.hint });
    if (deleted.length === 0) throw notFound("The credential");
    await recordAudit(tx, actor, {
      action: `${auditNames[kind]}.revoke`,
      targetType: auditNames[kind],
      targetId: actor.customerId,
      detail: { revoked: `…${deleted[0]!.hint}` },
    });
  });
  await announceCredentialChange(actor.customerId, kind, "revoked");
}

/** Tells the company's webhook endpoints which credential changed and how: never the secret, nor its hint. */
const announceCredentialChange = (customerId: string, kind: DirectoryCredentialKind, change: "created" | "rotated" | "revoked") =>
  emitWebhookEventsQuietly(customerId, [{ type: `phonebook.credential.${change}`, orderKey: `credential:${kind}`, data: { kind, change } }]);

export type CredentialSummary = { kind: DirectoryCredentialKind; hint: string; createdAt: Date; lastUsedAt: Date | null };

/** What the screens show of the customer's credentials: never a secret. */
export async function listCredentials({ customerId }: { customerId: string }): Promise<CredentialSummary[]> {
  const c = directoryCredentials;
  const u = directoryCredentialUses;
  return db()
    .select({ kind: c.kind, hint: c.hint, createdAt: c.createdAt, lastUsedAt: u.lastUsedAt })
    .from(c)
    .leftJoin(u, and(eq(u.customerId, c.customerId), eq(u.kind, c.kind)))
    .where(ofCustomer(c, customerId))
    .orderBy(c.kind);
}

/** The company a credential acts for, with what every caller of it needs next (its slug; its country for phone numbers). */
export type AuthenticatedCredential = { customerId: string; customerSlug: string; defaultCountry: CountryCode | null; overLimit: boolean };

/**
 * The customer a secret of this kind acts for, or null when the secret is
 * unknown, of another kind, revoked (deleted) or its company suspended, all
 * answered alike; and whether it is over its rate (the use counted in a
 * fixed window of a minute: credential-uses.ts). The check only reads.
 */
export async function authenticateCredential(kind: DirectoryCredentialKind, secret: string, perMinute: number): Promise<AuthenticatedCredential | null> {
  const secretHash = hashOfPresented(secret);
  return secretHash === null ? null : authenticateHash(kind, secretHash, perMinute);
}

/** authenticateCredential for a caller that holds the secret's hash already (hashOfPresented). */
export async function authenticateHash(kind: DirectoryCredentialKind, secretHash: string, perMinute: number): Promise<AuthenticatedCredential | null> {
  const [row] = await credentialCheckStatement().execute({ secretHash, kind });
  return row ? authenticatedAs(row, secretHash, perMinute) : null;
}

/** The stored hash a presented secret would have, or null for a value no secret of ours can be (none, or far too long). */
export function hashOfPresented(secret: string): string | null {
  return secret.length === 0 || secret.length > maxSecretLength ? null : hash(secret);
}

/** What the credential's check returned, for the caller, with this use counted against its rate. */
export function authenticatedAs(
  row: { customerId: string; customerSlug: string; defaultCountry: string | null },
  secretHash: string,
  perMinute: number,
): AuthenticatedCredential {
  const overLimit = countUse(secretHash) > perMinute;
  return { customerId: row.customerId, customerSlug: row.customerSlug, defaultCountry: countryOf(row.defaultCountry), overLimit };
}

/** The check of every machine request (a phone's download, a PBX's lookup, an LDAP bind), prepared once. */
const credentialCheckStatement = preparedOnce((client) => credentialCheck(client).prepare("credential_check"));

/**
 * The credential's check as one SELECT, with placeholders `secretHash` and `kind`: alone above, or as the first part
 * of a statement that reads what the request asks in the same round trip (the caller-ID lookup).
 */
export function credentialCheck(client: Database) {
  const c = directoryCredentials;
  return client
    .select({ customerId: c.customerId, customerSlug: customers.slug, defaultCountry: customers.defaultCountry })
    .from(c)
    .innerJoin(customers, eq(customers.id, c.customerId))
    .where(
      and(
        eq(c.secretHash, sql.placeholder("secretHash")),
        eq(c.kind, sql.placeholder("kind")),
        // A suspended company's credential answers as an unknown one.
        isNull(customers.suspendedAt),
      ),
    );
}
