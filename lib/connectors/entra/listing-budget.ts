import { env } from "@/lib/env";

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
 */
export class ListingBudget {
  private inFlight = 0;
  private readonly waiting: { people: number; start: () => void }[] = [];

  constructor(private readonly capacity: number) {}

  /** Waits until `people` fit in the budget; returns the function that gives them back. */
  async take(people: number): Promise<() => void> {
    if (this.waiting.length > 0 || !this.fits(people)) await new Promise<void>((start) => this.waiting.push({ people, start }));
    else this.inFlight += people;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.inFlight -= people;
      this.startWaiting();
    };
  }

  private fits(people: number): boolean {
    return this.inFlight === 0 || this.inFlight + people <= this.capacity;
  }

  // First come, first served: a large charge at the head is not passed by smaller ones behind it.
  private startWaiting() {
    while (this.waiting.length > 0 && this.fits(this.waiting[0]!.people)) {
      const next = this.waiting.shift()!;
      this.inFlight += next.people;
      next.start();
    }
  }
}

let processBudget: ListingBudget | undefined;

/** The budget every listing of this process draws from. */
export const listingBudget = () => (processBudget ??= new ListingBudget(env().SYNC_PEOPLE_IN_FLIGHT));
