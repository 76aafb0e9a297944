import "server-only";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import { likePattern, pageOf, pageSize, pageWithin } from "@/lib/pagination";
import { linkedEntryJoin } from "@/lib/linking/linked-entry-join";
import { ofCustomer } from "@/lib/tenancy";

export async function listUsers({ customerId, q = "", page = 1 }: { customerId: string; q?: string; page?: number }) {
  const pattern = likePattern(q);
  const where = and(
    ofCustomer(accounts, customerId),
    eq(accounts.role, "user"),
    q ? or(ilike(accounts.name, pattern), ilike(accounts.portalId, pattern), ilike(accounts.email, pattern), ilike(accounts.extension, pattern)) : undefined,
  );
  // Counted first, so a page past the end shows the last page rather than nothing.
  const [total] = await db().select({ n: count() }).from(accounts).where(where);
  const shown = pageWithin(page, total?.n ?? 0);
  const rows = await db()
    .select({
      id: accounts.id,
      portalId: accounts.portalId,
      name: accounts.name,
      email: accounts.email,
      extension: accounts.extension,
      site: accounts.site,
      package: accounts.package,
      userType: accounts.userType,
      aadObjectId: accounts.aadObjectId,
      linkedName: directoryEntries.displayName,
      linkedUpn: directoryEntries.userPrincipalName,
    })
    .from(accounts)
    .leftJoin(directoryEntries, linkedEntryJoin)
    .where(where)
    .orderBy(asc(accounts.extension), asc(accounts.portalId))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return pageOf(rows, total?.n ?? 0, shown);
}
