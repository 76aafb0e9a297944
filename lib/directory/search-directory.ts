import "server-only";
import { and, asc, count, exists, getTableColumns, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import { likePattern, pageOf, pageSize, pageWithin } from "@/lib/pagination";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import { toE164 } from "@/lib/phone/normalise-phone";
import { ofCustomer } from "@/lib/tenancy";
import { entryLogin, entryLoginCondition } from "./entry-login";

/**
 * The company directory, one page at a time, each entry with its login (see
 * entry-login.ts): the login's extension stands in for an entry that has none
 * of its own, as the phone system knows the person by it. A search term
 * matches names, e-mail, department, job title and either extension as typed,
 * and phone numbers by their digits, so "555 0100" finds "+1 (555) 010-0";
 * a term that reads as a whole number (with the company's default country)
 * also finds every entry holding it in E.164, however either is written, so
 * "0014255550100" finds "(425) 555-0100".
 */
export async function searchDirectory({ customerId, q = "", page = 1 }: { customerId: string; q?: string; page?: number }) {
  const e164 = q ? toE164(q, await getDefaultCountry({ customerId })) : null;
  const where = and(ofCustomer(directoryEntries, customerId), q ? matches(q, e164) : undefined);
  // Counted first, so a page past the end shows the last page rather than nothing.
  const [total] = await db().select({ n: count() }).from(directoryEntries).where(where);
  const shown = pageWithin(page, total?.n ?? 0);
  const login = entryLogin();
  const rows = await db()
    .select({ ...getTableColumns(directoryEntries), linkedPortalId: login.portalId, loginExtension: login.extension })
    .from(directoryEntries)
    .leftJoinLateral(login, sql`true`)
    .where(where)
    .orderBy(asc(directoryEntries.displayName), asc(directoryEntries.id))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return pageOf(rows, total?.n ?? 0, shown);
}

function matches(q: string, e164: string | null): SQL | undefined {
  const pattern = likePattern(q);
  const text = [
    directoryEntries.displayName,
    directoryEntries.firstName,
    directoryEntries.lastName,
    directoryEntries.email,
    directoryEntries.userPrincipalName,
    directoryEntries.extension,
    directoryEntries.officePhone,
    directoryEntries.mobilePhone,
    directoryEntries.department,
    directoryEntries.jobTitle,
  ].map((column) => ilike(column, pattern));
  const loginExtension = exists(
    db()
      .select({ one: sql`1` })
      .from(accounts)
      .where(and(isNull(directoryEntries.extension), entryLoginCondition, ilike(accounts.extension, pattern))),
  );
  const digits = q.replace(/\D/g, "");
  const phones =
    digits.length >= 3
      ? [directoryEntries.officePhone, directoryEntries.mobilePhone].map((column) => sql`regexp_replace(${column}, '[^0-9]', '', 'g') like ${`%${digits}%`}`)
      : [];
  const number = e164 ? [sql`${directoryEntries.phonesE164} @> array[${e164}]::text[]`] : [];
  return or(...text, loginExtension, ...phones, ...number);
}
