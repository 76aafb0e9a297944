import type { Client } from "@microsoft/microsoft-graph-client";
import { BodyAdmission } from "@/lib/entra/body-admission";
import { selectedUserProperties, type DeltaItem, type GraphUser } from "./graph-user";
import type { ListingBudget } from "./listing-budget";
import type { PageCharges } from "./page-charges";
import { withRetries } from "./with-retries";

/** What a listing selects: delta's properties but the manager, which a listing expands instead. */
const listedProperties = selectedUserProperties.filter((name) => name !== "manager");

/** The most people Graph gives in one page of a listing. */
export const listingPageSize = 999;

type ListedUser = Omit<GraphUser, "manager@delta"> & { manager?: { id?: string } | null };

/**
 * Walks the `/users` listings of `filters`, one after another, 999 a page,
 * with the same properties a delta round selects. Each user comes back as a
 * delta item would: the manager, expanded here, as `manager@delta`, so the
 * one mapping (fromGraph) reads both. A page is asked for only when the
 * caller wants it and the budget lets one more request out, and its answer
 * is read only when the budget has room
 * (body-admission.ts): charged `firstPage` people for a listing's first page
 * (the caller's estimate), the size of the page before for the next. The
 * charge goes with the page into `held`, whose walk gives it back once the
 * page is written.
 *
 * An iterator of its own rather than a generator: a suspended generator keeps
 * the page it yielded in its registers while it reads the next, which with
 * several large tenants at once held twice the pages the budget allowed.
 */
export function listingPages(
  client: Client,
  { filters, budget, firstPage, held }: { filters: string[]; budget: ListingBudget; firstPage: number; held: PageCharges },
  onRetry?: (waitMs: number) => void,
): AsyncIterableIterator<DeltaItem[]> {
  const remaining = [...filters];
  let url: string | undefined;
  let charge = firstPage;
  // Closed by the caller (the merge ended): a request waiting for the budget or on its way gives its charge back.
  let closed = false;
  const pages: AsyncIterableIterator<DeltaItem[]> = {
    async next() {
      if (url === undefined) {
        const filter = remaining.shift();
        if (filter === undefined) return { done: true, value: undefined };
        url = `/users?$filter=${encodeURIComponent(filter)}&$select=${listedProperties.join(",")}&$expand=manager($select=id)&$top=${listingPageSize}`;
        charge = firstPage;
      }
      if (closed) return { done: true, value: undefined };
      const page = await readPage(client, url, budget, charge, onRetry);
      if (closed) {
        page.giveBack();
        return { done: true, value: undefined };
      }
      charge = Math.max(1, page.items.length);
      url = page.nextLink;
      held.hold(page.items, page.giveBack);
      return { done: false, value: page.items };
    },
    async return() {
      closed = true;
      remaining.length = 0;
      url = undefined;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => pages,
  };
  return pages;
}

/**
 * One page as delta items: each attempt sent when the budget lets one more request out, its answer read once the
 * budget has room for `people` (the charge goes with the page as `giveBack`); Graph's body is not kept past it. An
 * attempt that fails after its admission gives it back before the next one asks again.
 */
async function readPage(
  client: Client,
  url: string,
  budget: ListingBudget,
  people: number,
  onRetry?: (waitMs: number) => void,
): Promise<{ items: DeltaItem[]; nextLink?: string; giveBack: () => void }> {
  return withRetries(
    async () => {
      const answered = await budget.send();
      // The request keeps its place until its answer is admitted: an answer waiting for the budget is one unread.
      const admission = new BodyAdmission(async () => {
        const giveBack = await budget.take(people);
        answered();
        return giveBack;
      });
      try {
        const body: { value?: ListedUser[]; "@odata.nextLink"?: string } = await client.api(url).middlewareOptions([admission]).get();
        return { items: (body.value ?? []).map(asDeltaItem), nextLink: body["@odata.nextLink"], giveBack: admission.giveBack ?? (() => undefined) };
      } catch (error) {
        admission.giveBack?.();
        throw error;
      } finally {
        answered();
      }
    },
    { onRetry },
  );
}

function asDeltaItem(user: ListedUser): DeltaItem {
  // Graph leaves `manager` out for a person without one; an empty list is "no manager" to fromGraph. Added to the
  // user as parsed rather than a copy (`{ ...user, … }`): V8 gives each such copy a hidden class of its own.
  const item = user as ListedUser & DeltaItem;
  item["manager@delta"] = typeof user.manager?.id === "string" ? [{ id: user.manager.id }] : [];
  return item;
}
