import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { logger } from "@/lib/logger";
import type { MicrosoftCompany } from "./microsoft-company";
import type { Refusal } from "./refusals";
import { ofCustomer } from "@/lib/tenancy";

export type MicrosoftLogin = { actor: Actor } | { refusal: Refusal };

/**
 * Decides who a verified Microsoft id_token signs in — next-auth (openid-client)
 * has already checked its signature, `iss` for this company's tenant, `aud`,
 * nonce and expiry. The person is identified by `tid` + `oid` only (never by
 * e-mail or preferred_username, which can change hands), must be linked to a
 * login of this very company, and must be active in its synced directory.
 */
export async function resolveMicrosoftLogin(company: MicrosoftCompany, claims: { tid?: unknown; oid?: unknown }): Promise<MicrosoftLogin> {
  const tid = typeof claims.tid === "string" ? claims.tid.toLowerCase() : null;
  const oid = typeof claims.oid === "string" ? claims.oid.toLowerCase() : null;
  const refuse = (refusal: Refusal): MicrosoftLogin => {
    logger.info({ customerId: company.customerId, tid, oid, refusal }, "Microsoft sign-in refused");
    return { refusal };
  };
  if (!tid || tid !== company.tenantId.toLowerCase()) return refuse("wrong_tenant");
  if (!oid) return refuse("not_linked");

  const [account] = await db()
    .select()
    .from(accounts)
    .where(and(eq(accounts.aadTenantId, tid), eq(accounts.aadObjectId, oid), ofCustomer(accounts, company.customerId)))
    .limit(1);
  if (!account) return refuse("not_linked");

  const [entry] = await db()
    .select({ status: directoryEntries.status })
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, company.customerId), eq(directoryEntries.aadTenantId, tid), eq(directoryEntries.aadObjectId, oid)))
    .limit(1);
  if (entry?.status !== "active") return refuse("disabled");
  if (account.suspendedAt) return refuse("suspended");

  logger.info({ accountId: account.id, role: account.role }, "signed in with Microsoft");
  return {
    actor: { accountId: account.id, role: account.role, customerId: account.customerId, portalId: account.portalId, name: account.name },
  };
}
