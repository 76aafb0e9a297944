import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, companyExtensions, directoryEntries, type ProvisioningSettings } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import { extensionFromAttribute } from "./extension-from-attribute";
import type { Person } from "./people";
import type { RangeCursor } from "./range-cursor";
import type { NewRecord } from "./records";

/** A person whose extension provisioning decides: a new login (current null), or one whose extension it manages. */
export type ExtensionNeed = { person: Person; current: { id: string; extension: string | null } | null };

export type Decided = { value: string; fromRange: boolean };

/**
 * The extensions of a batch, by the company's rule: the attribute's value
 * when no one else in the company holds it, the next free number of the range
 * (for the range rule, or behind the attribute), or none — and for every
 * person who does not get what the rule says, a record in plain words of why
 * and what was done. An extension a login already has from the range is never
 * renumbered (its need is not asked for); the database's company-wide key
 * stays the judge at the insert.
 */
export async function decideExtensions(
  ctx: { customerId: string; settings: ProvisioningSettings; range: RangeCursor },
  needs: ExtensionNeed[],
  records: NewRecord[],
): Promise<Map<string, Decided>> {
  const { settings, range } = ctx;
  const decided = new Map<string, Decided>();
  const usesAttribute = settings.extensionMode !== "range" && settings.extensionAttribute !== null;
  const outcomes = new Map(
    needs.map((need) => [
      need.person.key,
      usesAttribute
        ? extensionFromAttribute(need.person, { attribute: settings.extensionAttribute!, rule: settings.extensionRule, digits: settings.extensionDigits })
        : null,
    ]),
  );
  const wanted = [...outcomes.values()].flatMap((o) => (o && "extension" in o ? [o.extension] : []));
  const holders = await holdersOf(ctx.customerId, wanted);
  const claimed = new Set<string>();
  const toRange: ExtensionNeed[] = [];
  const clashes = new Map<string, string>();

  for (const need of needs) {
    const { person, current } = need;
    const outcome = outcomes.get(person.key);
    if (outcome && "extension" in outcome) {
      const holder = holders.get(outcome.extension);
      const mine = current !== null && (current.extension === outcome.extension || holder?.accountId === current.id);
      if (mine || (!holder && !claimed.has(outcome.extension))) {
        claimed.add(outcome.extension);
        decided.set(person.key, { value: outcome.extension, fromRange: false });
        continue;
      }
      clashes.set(person.key, `${settings.extensionAttribute} gives ${outcome.extension}, which ${holder?.name ?? "another person of this run"} already has`);
    }
    // An existing login keeps what it has unless the attribute gives it something; only a login without one takes from the range.
    if (current?.extension) {
      const clash = clashes.get(person.key);
      if (clash) records.push({ person, accountId: current.id, action: "extension_clash", detail: { message: `${clash}: kept ${current.extension}.` } });
      continue;
    }
    if (settings.extensionMode !== "attribute" && range.configured) {
      toRange.push(need);
      continue;
    }
    const why = clashes.get(person.key) ?? (outcome && "problem" in outcome ? outcome.problem : "no extension rule applies");
    records.push({
      person,
      accountId: current?.id,
      action: clashes.has(person.key) ? "extension_clash" : "no_extension",
      detail: { message: `${why}: no extension given.` },
    });
  }

  const numbers = await range.take(toRange.length);
  toRange.forEach((need, i) => {
    const { person, current } = need;
    const number = numbers[i];
    const clash = clashes.get(person.key);
    if (number) {
      decided.set(person.key, { value: number, fromRange: true });
      if (clash)
        records.push({
          person,
          accountId: current?.id,
          action: "extension_clash",
          detail: { message: `${clash}: ${number} was taken from the range instead.` },
        });
      return;
    }
    const why = clash ? `${clash}, and the range ${range.label} is used up` : `the range ${range.label} is used up`;
    records.push({ person, accountId: current?.id, action: clash ? "extension_clash" : "no_extension", detail: { message: `${why}: no extension given.` } });
  });
  return decided;
}

/** Who in the company holds each of these extensions: a login or a directory entry, by name. */
async function holdersOf(customerId: string, extensions: string[]): Promise<Map<string, { accountId: string | null; name: string }>> {
  if (extensions.length === 0) return new Map();
  const ce = companyExtensions;
  const rows = await db()
    .select({ extension: ce.extension, accountId: ce.accountId, name: sql<string>`coalesce(${accounts.name}, ${directoryEntries.displayName}, '')` })
    .from(ce)
    .leftJoin(accounts, eq(accounts.id, ce.accountId))
    .leftJoin(directoryEntries, eq(directoryEntries.id, ce.directoryEntryId))
    .where(and(ofCustomer(ce, customerId), inArray(ce.extension, [...new Set(extensions)])));
  return new Map(rows.map((r) => [r.extension, { accountId: r.accountId, name: r.name }]));
}
