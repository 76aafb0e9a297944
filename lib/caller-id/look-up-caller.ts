import "server-only";
import { and, asc, eq, sql, type Placeholder } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { preparedOnce } from "@/db/prepared-once";
import { directoryEntries } from "@/db/schema";
import { authenticateHash, authenticatedAs, credentialCheck, hashOfPresented, type AuthenticatedCredential } from "@/lib/directory-credentials/credentials";
import { entryLogin } from "@/lib/directory/entry-login";
import { AppError } from "@/lib/errors";
import { toE164, type CountryCode } from "@/lib/phone/normalise-phone";
import { fieldHolding } from "@/lib/phone/phone-fields";
import { RecentMap } from "@/lib/recent-map";
import { ofCustomer } from "@/lib/tenancy";

// Digits, and what people and PBXs write between them: a leading +, spaces, dashes, dots, slashes, brackets.
const callerNumber = /^\s*\+?[\d\s().\-/]{1,40}$/;

/**
 * The active entry of the customer holding the number, as a subquery: the
 * GIN index on phones_e164 finds it. When several people share a number (a
 * team's line), the one whose office or mobile number it is comes first,
 * then by name, so the answer is always the same.
 */
function matchingEntry(client: Database, customerId: Placeholder<"customerId"> | PgColumn) {
  const d = directoryEntries;
  const login = entryLogin();
  const e164 = sql.placeholder("e164");
  return client
    .select({
      displayName: d.displayName,
      extension: d.extension,
      loginExtension: sql<string | null>`${login.extension}`.as("login_extension"),
      department: d.department,
      officePhoneE164: d.officePhoneE164,
      mobilePhoneE164: d.mobilePhoneE164,
      attributes: d.attributes,
    })
    .from(d)
    .leftJoinLateral(login, sql`true`)
    .where(and(ofCustomer(d, customerId), eq(d.status, "active"), sql`${d.phonesE164} @> array[${e164}::text]`))
    .orderBy(sql`(${d.officePhoneE164} = ${e164}::text or ${d.mobilePhoneE164} = ${e164}::text) desc nulls last`, asc(d.displayName), asc(d.id))
    .limit(1);
}

type MatchedEntry = Awaited<ReturnType<ReturnType<typeof matchingEntry>["execute"]>>[number];

/** The lookup alone, prepared once: a PBX asks for every incoming call. */
const lookupStatement = preparedOnce((client) => matchingEntry(client, sql.placeholder("customerId")).prepare("caller_id_lookup"));

/**
 * The caller-ID key's check (lib/directory-credentials) and the lookup in one
 * statement: the lookup reads the customer the check found, so it finds
 * nothing for a refused key, and the request costs one round trip.
 */
const lookupWithCredentialStatement = preparedOnce((client) => {
  const credential = client.$with("credential").as(credentialCheck(client));
  const found = matchingEntry(client, credential.customerId).as("found");
  return client
    .with(credential)
    .select({ credential: { ...credential._.selectedFields }, found: { ...found._.selectedFields } })
    .from(credential)
    .leftJoinLateral(found, sql`true`)
    .prepare("caller_id_lookup_with_credential");
});

/** A lookup: the number as asked, in E.164, and the entry found, if any. */
export type LookedUp = { number: string; e164: string; entry: MatchedEntry | null };

/** The number as the company reads it, or null when it is no phone number. */
function readNumber(number: string, country: CountryCode | null): string | null {
  // A PBX sends a number, not prose: libphonenumber-js would find one inside any text, so only a number's characters pass.
  return callerNumber.test(number) ? toE164(number, country) : null;
}

/** The lookup alone, once the company (and so its country) is known. */
async function lookUp(customerId: string, number: string, country: CountryCode | null): Promise<LookedUp> {
  const e164 = readNumber(number, country);
  if (!e164) throw new AppError("invalid_input", "The number is not a phone number.");
  const [entry] = await lookupStatement().execute({ customerId, e164 });
  return { number, e164, entry: entry ?? null };
}

// The country each key's company had at its last lookup in this process, by the key's hash: a national number is
// read with it and looked up in the key's own statement, then read again only if the company's country has changed.
const countryOfKey = new RecentMap<string, CountryCode | null>(10_000);

/**
 * The caller-ID key's check, with the lookup in the same statement when the
 * number can be read before the key's company is known: written with its
 * country (`+…`), or nationally once a lookup with this key has told its
 * company's country. Otherwise, or when that country has since changed,
 * the number is looked up again with the company's country.
 */
export async function authenticateAndLookUp(
  secret: string,
  perMinute: number,
  number: string | null,
): Promise<(AuthenticatedCredential & { ahead?: LookedUp }) | null> {
  const secretHash = hashOfPresented(secret);
  if (secretHash === null) return null;
  const country = /^\s*\+/.test(number ?? "") ? null : countryOfKey.get(secretHash);
  const e164 = number === null || country === undefined ? null : readNumber(number, country);
  if (number === null || e164 === null) {
    const caller = await authenticateHash("caller_id", secretHash, perMinute);
    if (caller) countryOfKey.set(secretHash, caller.defaultCountry);
    return caller;
  }
  const [row] = await lookupWithCredentialStatement().execute({ secretHash, kind: "caller_id", e164 });
  if (!row) return null;
  const caller = authenticatedAs(row.credential, secretHash, perMinute);
  countryOfKey.set(secretHash, caller.defaultCountry);
  const readAlike = country === null || country === caller.defaultCountry;
  return readAlike ? { ...caller, ahead: { number, e164, entry: row.found } } : caller;
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
 * (the country comes with the caller's credential). Found already when the
 * key's check looked it up (`ahead`).
 */
export async function lookUpCaller({
  customerId,
  country,
  number,
  ahead,
}: {
  customerId: string;
  country: CountryCode | null;
  number: string;
  ahead?: LookedUp;
}): Promise<CallerIdAnswer> {
  const { e164, entry } = ahead?.number === number ? ahead : await lookUp(customerId, number, country);
  if (!entry) throw new AppError("not_found", "No one in the directory has this number.");
  return {
    name: entry.displayName,
    extension: entry.extension ?? entry.loginExtension ?? null,
    department: entry.department,
    matchedField: fieldHolding(e164, entry, country) ?? "phone",
    number: e164,
  };
}
