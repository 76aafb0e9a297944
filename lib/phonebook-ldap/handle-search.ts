import "server-only";
import { createHash } from "node:crypto";
import { decodeBer, MalformedMessage } from "./ber/ber-node";
import { bytesOf, childrenOf, integerOf } from "./ber/read-node";
import { recheckPhones, type BoundCustomer } from "./bound-customer";
import { findEntries } from "./find-entries";
import type { PagePosition } from "@/lib/phonebook/published-entries";
import type { PageCookies } from "./page-cookie";
import { attributeSelection, entryAttributes } from "./phonebook-attributes";
import type { Filter, LdapRequest } from "./protocol/ldap-request";
import { ResponseTag, ResultCode, type ResultCodeValue } from "./protocol/result-codes";
import { entryMessage, pagedResultsValue, resultMessage, type ResponseControl } from "./protocol/write-response";
import { pagedResultsOid, rootDseAttributes } from "./root-dse";
import { reachesPeople, resolveSearchBase } from "./search-base";

type SearchRequest = Extract<LdapRequest, { op: "search" }>;

export type SearchContext = {
  customer: BoundCustomer | null;
  /** The most entries one answer (or one page) holds, whatever the client asks. */
  serverSizeLimit: number;
  requestsPerMinute: number;
  credentialRecheckMs: number;
  cookies: PageCookies;
  send: (message: Buffer) => void;
  isAbandoned: () => boolean;
  /** The credential no longer holds: the connection is anonymous from now on. */
  unbind: () => void;
};

/**
 * A search: the root DSE to anyone; anything else only to a bound company,
 * in its own tree (search-base.ts), through its published entries. A size
 * limit (the client's, never above the server's) ends the answer with
 * sizeLimitExceeded after that many entries; the Simple Paged Results
 * control (RFC 2696) pages through them all instead, with a signed cookie.
 */
export async function handleSearch(request: SearchRequest, context: SearchContext): Promise<void> {
  const done = (code: ResultCodeValue, diagnostic = "", controls?: ResponseControl[]) =>
    context.send(resultMessage(request.messageId, ResponseTag.searchDone, code, diagnostic, { controls }));
  if (request.baseDn === "" && request.scope === "base") {
    if (isReadEntry(request.filter)) context.send(entryMessage(request.messageId, "", rootDseAttributes));
    return done(ResultCode.success);
  }
  const customer = context.customer;
  if (!customer) return done(ResultCode.insufficientAccessRights, "Bind as the company's phones first.");
  const paging = pagingOf(request);
  if (paging === "critical-unsupported") return done(ResultCode.unavailableCriticalExtension, "Critical control not supported.");
  const check = await recheckPhones(customer, context.requestsPerMinute, context.credentialRecheckMs);
  if (check === "invalid") {
    context.unbind();
    return done(ResultCode.insufficientAccessRights, "The credential is no longer valid.");
  }
  if (check === "overLimit") return done(ResultCode.busy, "Too many requests; try again in a minute.");

  const base = resolveSearchBase(request.baseDn === "" ? "dc=switchboard" : request.baseDn, customer.slug);
  if (!base) return done(ResultCode.noSuchObject);
  if (base.kind === "container") {
    if (request.scope === "base" && isReadEntry(request.filter)) context.send(entryMessage(request.messageId, base.dn, base.attributes));
    if (!reachesPeople(request.scope, base.peopleDepth)) return done(ResultCode.success, "", paging ? [pagedControl(Buffer.alloc(0))] : undefined);
  } else if (request.scope === "one" || request.scope === "children") {
    return done(ResultCode.success, "", paging ? [pagedControl(Buffer.alloc(0))] : undefined);
  }
  const entryId = base.kind === "person" ? base.id : undefined;
  const searchKey = keyOf(request);

  let after: PagePosition | undefined;
  if (paging) {
    if (paging.size === 0) return done(ResultCode.success, "", [pagedControl(Buffer.alloc(0))]);
    if (paging.cookie.length > 0) {
      const position = context.cookies.read(paging.cookie, customer.customerId, searchKey);
      if (!position) return done(ResultCode.unwillingToPerform, "The paged results cookie is not valid for this search.");
      after = position;
    }
  }
  const limit = paging
    ? Math.min(paging.size, context.serverSizeLimit)
    : Math.min(request.sizeLimit > 0 ? request.sizeLimit : Number.MAX_SAFE_INTEGER, context.serverSizeLimit);
  // One more than we send: whether it exists says if the limit cut the answer short.
  const rows = await findEntries({
    customerId: customer.customerId,
    settings: customer.settings,
    country: customer.country,
    filter: request.filter,
    entryId,
    after,
    limit: limit + 1,
  });
  const selection = attributeSelection(request.attributes);
  const sent = rows.slice(0, limit);
  for (const entry of sent) {
    if (context.isAbandoned()) return;
    context.send(
      entryMessage(request.messageId, `uid=${entry.id},ou=people,o=${customer.slug},dc=switchboard`, entryAttributes(entry, selection, request.typesOnly)),
    );
  }
  const more = rows.length > limit;
  if (paging) {
    const last = sent.at(-1);
    const cookie = more && last ? context.cookies.issue(customer.customerId, searchKey, { displayName: last.displayName, id: last.id }) : Buffer.alloc(0);
    return done(ResultCode.success, "", [pagedControl(cookie)]);
  }
  return more ? done(ResultCode.sizeLimitExceeded) : done(ResultCode.success);
}

/** `(objectClass=*)`: the filter that reads an entry by its DN (root DSE, a container). */
function isReadEntry(filter: Filter): boolean {
  return filter.type === "present" && filter.attribute === "objectclass";
}

type Paging = { size: number; cookie: Uint8Array };

function pagingOf(request: SearchRequest): Paging | null | "critical-unsupported" {
  let paging: Paging | null = null;
  for (const control of request.controls) {
    if (control.oid === pagedResultsOid) {
      // realSearchControlValue ::= SEQUENCE { size INTEGER, cookie OCTET STRING }
      const [size, cookie] = childrenOf(decodeBer(control.value ?? new Uint8Array(0)), "paged results");
      const pageSize = integerOf(size, "page size");
      if (pageSize < 0) throw new MalformedMessage("page size");
      paging = { size: pageSize, cookie: bytesOf(cookie, "cookie") };
    } else if (control.critical) return "critical-unsupported";
  }
  return paging;
}

function pagedControl(cookie: Buffer): ResponseControl {
  return { oid: pagedResultsOid, value: pagedResultsValue(cookie) };
}

/** What makes a paged search the same search (RFC 2696: the cookie is only valid for the same request). */
function keyOf(request: SearchRequest): string {
  const shape = JSON.stringify([request.baseDn.toLowerCase(), request.scope, request.filter, request.attributes, request.typesOnly]);
  return createHash("sha256").update(shape).digest("base64url").slice(0, 22);
}
