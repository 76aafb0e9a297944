import { env } from "@/lib/env";
import { listingPageSize } from "./listing-pages";

/**
 * How many people's worth of `/users` listing pages this process holds at
 * once, all of its runs together (SYNC_PEOPLE_IN_FLIGHT). A 999-person page
 * costs the worker about 9 MB while it is received, parsed and written, so
 * eight listings of each of several large tenants at once are what took a
 * worker with the fleet in flight to four times its idle memory
 * (bench:fleet). A listing page is charged when its answer is to be read
 * (listing-pages.ts, body-admission.ts: its first page its share of the
 * tenant, a later one the size of the page before), not while Graph takes its
 * time to answer, and the charge stays with the page until the walk has
 * written it (page-charges.ts); one charge larger than the whole budget waits
 * until the budget is free, then runs alone.
 *
 * Requests are bounded too (`send`): an answer that waits for its charge
 * waits unread in its connection, about 140 KB, and with every listing of
 * ten large tenants asking at once those were 80 answers, 11 MB of a worker's
 * peak. Three budgets' worth of pages on their way keep the budget busy
 * through Graph's latency (a quarter of a second, against the tens of
 * milliseconds the worker takes over a page).
 */
export class ListingBudget {
  private readonly people: Allowance;
  private readonly requests: Allowance;

  constructor(capacity: number, requests = Math.max(2, Math.ceil((3 * capacity) / listingPageSize))) {
    this.people = new Allowance(capacity);
    this.requests = new Allowance(requests);
  }

  /** Waits until `people` fit in the budget; returns the function that gives them back. */
  take(people: number): Promise<() => void> {
    return this.people.take(people);
  }

  /** Waits until one more listing request may be sent; returns the function that ends its wait, once its answer is admitted or failed. */
  send(): Promise<() => void> {
    return this.requests.take(1);
  }
}

/** Units taken and given back, first come first served; one taking more than all of them waits until all are free. */
class Allowance {
  private inFlight = 0;
  private readonly waiting: { units: number; start: () => void }[] = [];

  constructor(private readonly capacity: number) {}

  async take(units: number): Promise<() => void> {
    if (this.waiting.length > 0 || !this.fits(units)) await new Promise<void>((start) => this.waiting.push({ units, start }));
    else this.inFlight += units;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.inFlight -= units;
      this.startWaiting();
    };
  }

  private fits(units: number): boolean {
    return this.inFlight === 0 || this.inFlight + units <= this.capacity;
  }

  // A large charge at the head is not passed by smaller ones behind it.
  private startWaiting() {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.units)) {
      const next = this.waiting.shift()!;
      this.inFlight += next.units;
      next.start();
    }
  }
}

let processBudget: ListingBudget | undefined;

/** The budget every listing of this process draws from. */
export const listingBudget = () => (processBudget ??= new ListingBudget(env().SYNC_PEOPLE_IN_FLIGHT));
