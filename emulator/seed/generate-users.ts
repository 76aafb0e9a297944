import { hashPassword } from "../state/passwords";
import type { Tenant } from "../state/tenant";
import type { UserRecord } from "../state/user-record";
import { AREA_CITIES, AREA_CODES, DEPARTMENTS, GIVEN_NAMES, GUEST_DOMAINS, SURNAMES } from "./name-pools";
import { SeededRandom } from "./seeded-random";

export interface GenerateUsersResult {
  count: number;
  firstId: string | null;
  lastId: string | null;
}

/** Each manager gets up to this many direct reports among the generated people. */
const SPAN_OF_CONTROL = 7;

/**
 * Adds `count` realistic users to a tenant, the same ones for the same seed
 * (IDs included): about 2 % guests with `#EXT#` UPNs, 4 % disabled accounts,
 * managers forming a tree. Built for a million users: strings from small
 * pools are shared, and the password (if any) is hashed once.
 */
export function generateUsers(tenant: Tenant, count: number, seed: string, options: { password?: string } = {}): GenerateUsersResult {
  // The current size is part of the seed so a second batch with the same seed adds new people.
  const random = new SeededRandom(`${tenant.id}:${seed}:${tenant.users.slotCount}`);
  const phones = phonePool();
  const passwordHash = options.password ? hashPassword(options.password) : null;
  const domain = tenant.defaultDomain;
  const managers: string[] = [];
  const freeUpn = upnAllocator(tenant, domain);
  const now = new Date().toISOString();
  let first: UserRecord | undefined;
  let last: UserRecord | undefined;

  for (let i = 0; i < count; i++) {
    const givenName = random.pick(GIVEN_NAMES);
    const surname = random.pick(SURNAMES);
    const guest = random.chance(0.02);
    const id = random.guid();
    const enabled = !random.chance(0.04);
    const phone = phones[random.int(phones.length)]!;
    const mobile = random.chance(0.6) ? phones[random.int(phones.length)]![0]! : null;
    const user = guest
      ? tenant.users.create(
          {
            id,
            ...guestIdentity(freeUpn, givenName, surname, random.pick(GUEST_DOMAINS)),
            displayName: `${givenName} ${surname}`,
            givenName,
            surname,
            accountEnabled: enabled,
            userType: "Guest",
            mobilePhone: mobile,
          },
          passwordHash,
          now,
          false,
        )
      : createMember(tenant, random, { id, givenName, surname, enabled, phone, mobile, managers, freeUpn }, passwordHash, now);
    if (!guest) managers.push(user.id);
    first ??= user;
    last = user;
  }
  return { count, firstId: first?.id ?? null, lastId: last?.id ?? null };
}

interface MemberFacts {
  id: string;
  givenName: string;
  surname: string;
  enabled: boolean;
  phone: readonly string[];
  mobile: string | null;
  managers: string[];
  freeUpn: UpnAllocator;
}

function createMember(tenant: Tenant, random: SeededRandom, facts: MemberFacts, passwordHash: string | null, now: string): UserRecord {
  const department = random.pick(DEPARTMENTS);
  // Lower-case UPNs, as many organisations use; it also lets the UPN index reuse the string.
  const userPrincipalName = facts.freeUpn(`${facts.givenName}.${facts.surname}`.toLowerCase(), "");
  const managerIndex = facts.managers.length === 0 ? -1 : Math.floor((facts.managers.length - 1) / SPAN_OF_CONTROL);
  return tenant.users.create(
    {
      id: facts.id,
      userPrincipalName,
      mail: userPrincipalName,
      displayName: `${facts.givenName} ${facts.surname}`,
      givenName: facts.givenName,
      surname: facts.surname,
      jobTitle: random.pick(department.titles),
      department: department.name,
      officeLocation: `${1 + random.int(140)}/${1000 + random.int(3000)}`,
      businessPhones: facts.phone as string[], // shared and frozen; never mutated
      mobilePhone: facts.mobile,
      employeeId: String(200000 + random.int(800000)),
      // Derived, not drawn: the same seed keeps giving the same people as before these existed.
      companyName: tenant.displayName.slice(0, 64),
      city: AREA_CITIES[facts.phone[0]!.slice(3, 6)] ?? null,
      country: "United States",
      accountEnabled: facts.enabled,
      managerId: managerIndex >= 0 ? facts.managers[managerIndex]! : null,
    },
    passwordHash,
    now,
    false,
  );
}

let sharedPhones: (readonly string[])[] | undefined;

/**
 * Every "+1 AAA 555 NNNN" number as a frozen one-element array, built once and
 * shared: a million users then cost a million references, not a million
 * strings and arrays. Records never mutate the array; updates replace it.
 */
function phonePool(): (readonly string[])[] {
  sharedPhones ??= AREA_CODES.flatMap((area) => Array.from({ length: 10_000 }, (_, n) => Object.freeze([`+1 ${area} 555 ${String(n).padStart(4, "0")}`])));
  return sharedPhones;
}

function guestIdentity(freeUpn: UpnAllocator, givenName: string, surname: string, homeDomain: string) {
  const local = `${givenName}.${surname}`.toLowerCase();
  const userPrincipalName = freeUpn(local, `_${homeDomain}#EXT#`);
  const suffix = userPrincipalName.slice(local.length, userPrincipalName.indexOf("_"));
  return { userPrincipalName, mail: `${local}${suffix}@${homeDomain}` };
}

type UpnAllocator = (stem: string, tail: string) => string;

/**
 * `stem@domain`, else `stem2@domain`, `stem3@domain`... The counter per stem
 * makes the next free number a lookup, not a walk past every namesake (a
 * million users share a few thousand stems).
 */
function upnAllocator(tenant: Tenant, domain: string): UpnAllocator {
  const next = new Map<string, number>();
  return (stem, tail) => {
    const key = `${stem}${tail}`.toLowerCase();
    for (let n = next.get(key) ?? 1; ; n++) {
      const candidate = `${stem}${n === 1 ? "" : n}${tail}@${domain}`;
      if (!tenant.users.findByUpn(candidate)) {
        next.set(key, n + 1);
        return candidate;
      }
    }
  };
}
