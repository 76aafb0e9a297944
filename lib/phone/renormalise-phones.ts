import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import type { CountryCode } from "./normalise-phone";
import { phoneFields, type PhoneFields } from "./phone-fields";
import { jsonParameter } from "@/db/sql-names";

type Writer = Pick<ReturnType<typeof db>, "select" | "execute">;

const batchSize = 1000;

/**
 * Reads every entry's numbers again after the company's default country
 * changed: a delta sync only delivers the people who changed, and manual and
 * SCIM entries have no run at all, so without this a number written without
 * a country code would keep the old country's reading. Written in batches,
 * only where the reading changes, so the next sync compares the entries
 * unchanged. The synced entries' raw numbers are the source's, so this writes
 * what the connector would.
 */
export async function renormalisePhones(tx: Writer, { customerId, country }: { customerId: string; country: CountryCode | null }): Promise<number> {
  const d = directoryEntries;
  let after: string | null = null;
  let changed = 0;
  for (;;) {
    const rows: (PhoneFields & { id: string; officePhone: string | null; mobilePhone: string | null; attributes: typeof d.$inferSelect.attributes })[] =
      await tx
        .select({
          id: d.id,
          officePhone: d.officePhone,
          mobilePhone: d.mobilePhone,
          attributes: d.attributes,
          officePhoneE164: d.officePhoneE164,
          mobilePhoneE164: d.mobilePhoneE164,
          phonesE164: d.phonesE164,
          unparsedPhones: d.unparsedPhones,
        })
        .from(d)
        .where(and(ofCustomer(d, customerId), after ? gt(d.id, after) : undefined))
        .orderBy(asc(d.id))
        .limit(batchSize);
    if (rows.length === 0) return changed;
    after = rows.at(-1)!.id;
    const updates = rows.flatMap((row) => {
      const next = phoneFields(row, country);
      return samePhones(row, next) ? [] : [{ id: row.id, ...next }];
    });
    changed += updates.length;
    if (updates.length > 0) {
      await tx.execute(sql`
        update ${d} set
          office_phone_e164 = r."officePhoneE164", mobile_phone_e164 = r."mobilePhoneE164",
          phones_e164 = r."phonesE164", unparsed_phones = r."unparsedPhones", updated_at = now()
        from json_to_recordset(${jsonParameter(updates)}::json)
          as r(id uuid, "officePhoneE164" text, "mobilePhoneE164" text, "phonesE164" text[], "unparsedPhones" text[])
        where ${d.id} = r.id and ${eq(d.customerId, customerId)}`);
    }
    if (rows.length < batchSize) return changed;
  }
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
const samePhones = (a: PhoneFields, b: PhoneFields) =>
  a.officePhoneE164 === b.officePhoneE164 &&
  a.mobilePhoneE164 === b.mobilePhoneE164 &&
  sameList(a.phonesE164, b.phonesE164) &&
  sameList(a.unparsedPhones, b.unparsedPhones);
