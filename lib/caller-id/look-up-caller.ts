import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedOnce } from "@/db/prepared-once";
import { directoryEntries } from "@/db/schema";
import { entryLogin } from "@/lib/directory/entry-login";
import { AppError } from "@/lib/errors";
import { toE164, type CountryCode } from "@/lib/phone/normalise-phone";
import { fieldHolding } from "@/lib/phone/phone-fields";
import { ofCustomer } from "@/lib/tenancy";

// Digits, and what people and PBXs write between them: a leading +, spaces, dashes, dots, slashes, brackets.
const callerNumber = /^\s*\+?[\d\s().\-/]{1,40}$/;

/** The lookup, prepared once: a PBX asks for every incoming call. */
const lookupStatement = preparedOnce(prepareLookup);

function prepareLookup(client: Database) {
  const d = directoryEntries;
  const login = entryLogin();
  const e164 = sql.placeholder("e164");
  return client
    .select({
      displayName: d.displayName,
      extension: d.extension,
      loginExtension: login.extension,
      department: d.department,
      officePhoneE164: d.officePhoneE164,
      mobilePhoneE164: d.mobilePhoneE164,
      attributes: d.attributes,
    })
    .from(d)
    .leftJoinLateral(login, sql`true`)
    .where(and(ofCustomer(d, sql.placeholder("customerId")), eq(d.status, "active"), sql`${d.phonesE164} @> array[${e164}::text]`))
    .orderBy(sql`(${d.officePhoneE164} = ${e164}::text or ${d.mobilePhoneE164} = ${e164}::text) desc nulls last`, asc(d.displayName), asc(d.id))
    .limit(1)
    .prepare("caller_id_lookup");
}

export type CallerIdAnswer = {
  name: string;
  /** The entry's own extension, else its login's (the phone system knows the person by it); null for none. */
  extension: string | null;
  department: string | null;
  /** Which field holds the number: officePhone, mobilePhone, or attributes.<name> (businessPhones, otherTelephone). */
  matchedField: string;
  /** The number the lookup compared, in E.164. */
  number: string;
};

/**
 * Who is calling: the active directory entry of this customer holding the
 * number, compared in E.164 with the company's default country, so
 * `+1 (425) 555-0100`, `0014255550100` and `4255550100` (US) are one number
 * (the country comes with the caller's credential).
 * The GIN index on phones_e164 finds it. When several people share a number
 * (a team's line), the one whose office or mobile number it is comes first,
 * then by name, so the answer is always the same.
 */
export async function lookUpCaller({
  customerId,
  country,
  number,
}: {
  customerId: string;
  country: CountryCode | null;
  number: string;
}): Promise<CallerIdAnswer> {
  // A PBX sends a number, not prose: libphonenumber-js would find one inside any text, so only a number's characters pass.
  const e164 = callerNumber.test(number) ? toE164(number, country) : null;
  if (!e164) throw new AppError("invalid_input", "The number is not a phone number.");
  const [entry] = await lookupStatement().execute({ customerId, e164 });
  if (!entry) throw new AppError("not_found", "No one in the directory has this number.");
  return {
    name: entry.displayName,
    extension: entry.extension ?? entry.loginExtension ?? null,
    department: entry.department,
    matchedField: fieldHolding(e164, entry, country) ?? "phone",
    number: e164,
  };
}
