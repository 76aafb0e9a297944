import "server-only";
import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, auditLog, customers, directoryEntries, phonebookSettings } from "@/db/schema";
import { publishedWhere, type PhonebookSettings } from "@/lib/phonebook/published-entries";

// Raised when what a format writes changes, so phones fetch it again after an upgrade.
const renderingVersion = 1;

export type PhonebookVersion = { etag: string; lastModified: Date | null };

/**
 * The phonebook's validators, from what changes it, in one query that reads
 * no entry's fields: the number of published entries and the latest
 * updated_at among them (an entry changed, added, disabled or removed moves
 * one or the other; so does a manual entry deleted, by the count), the
 * settings (what is published) and when they were saved, the company's
 * default country (how numbers read), and its logins' count and latest
 * update (an entry without an extension shows its login's).
 *
 * The ETag is a hash of those, of the format and of `variant` (a Cisco
 * page's position and the credential form its Next URL keeps). Weak:
 * the bytes differ by compression. Last-Modified is the latest of those
 * times and of the company's audit log, which records what a count cannot
 * date (an entry deleted): it moves more often than the phonebook changes,
 * never less. HTTP dates have whole seconds, so a Last-Modified whose second
 * is not yet over (by the database's clock, which dated the changes) is not
 * sent: a change later in that same second would carry the same date, and
 * a phone asking If-Modified-Since would keep its stale copy. The ETag
 * stands alone until the second is over.
 */
export async function phonebookVersion({
  customerId,
  settings,
  variant,
}: {
  customerId: string;
  settings: PhonebookSettings;
  variant: string;
}): Promise<PhonebookVersion> {
  const micros = (at: unknown) => sql`(extract(epoch from ${at}) * 1000000)::bigint::text`;
  const s = phonebookSettings;
  const settingsAt = sql`(select max(${s.updatedAt}) from ${s} where ${eq(s.customerId, customerId)})`;
  const customerAt = sql`(select ${customers.updatedAt} from ${customers} where ${eq(customers.id, customerId)})`;
  const loginsAt = sql`(select max(${accounts.updatedAt}) from ${accounts} where ${eq(accounts.customerId, customerId)})`;
  const auditAt = sql`(select max(${auditLog.createdAt}) from ${auditLog} where ${eq(auditLog.customerId, customerId)})`;
  const entriesAt = sql`max(${directoryEntries.updatedAt})`;
  const [row] = await db()
    .select({
      entries: sql<string>`count(*)::text`,
      entriesAt: sql<string | null>`${micros(entriesAt)}`,
      settingsAt: sql<string | null>`${micros(settingsAt)}`,
      country: sql<string | null>`(select ${customers.defaultCountry} from ${customers} where ${eq(customers.id, customerId)})`,
      logins: sql<string>`(select count(*)::text from ${accounts} where ${eq(accounts.customerId, customerId)})`,
      loginsAt: sql<string | null>`${micros(loginsAt)}`,
      lastModified: sql<string | null>`${micros(sql`greatest(${entriesAt}, ${settingsAt}, ${customerAt}, ${loginsAt}, ${auditAt})`)}`,
      now: sql<string>`${micros(sql`clock_timestamp()`)}`,
    })
    .from(directoryEntries)
    .where(publishedWhere(customerId, settings));
  const { lastModified, now, ...changes } = row!;
  const second = (micro: string) => Math.floor(Number(micro) / 1_000_000);
  const dated = lastModified !== null && second(lastModified) < second(now);
  const hash = createHash("sha256")
    .update(JSON.stringify([renderingVersion, variant, settings.includeManual, settings.hideMobile, changes]))
    .digest("base64url")
    .slice(0, 27);
  return { etag: `W/"${hash}"`, lastModified: dated ? new Date(Math.floor(Number(lastModified) / 1000)) : null };
}
