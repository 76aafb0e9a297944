import type { HeldPages } from "@/lib/sync/connector";

/**
 * The listing budget's charges that a round's pages hold (listing-budget.ts):
 * a page keeps its charge from its request until the walk has written it, so
 * the budget bounds the people a worker holds, not only those on their way —
 * a page taken from a listing still waits to be planned and written, and
 * several large tenants' pages waiting so were most of a worker's peak.
 * A page mapped to directory entries carries its charge over (`move`).
 */
export class PageCharges implements HeldPages {
  private readonly charges = new Map<object, () => void>();
  private over = false;

  /** A page read with `giveBack` charged; once the walk is over, a page still arriving gives it back at once. */
  hold(page: object, giveBack: () => void): void {
    if (this.over) giveBack();
    else this.charges.set(page, giveBack);
  }

  move(from: object, to: object): void {
    const giveBack = this.charges.get(from);
    if (!giveBack) return;
    this.charges.delete(from);
    this.charges.set(to, giveBack);
  }

  release(page: object): void {
    const giveBack = this.charges.get(page);
    this.charges.delete(page);
    giveBack?.();
  }

  releaseAll(): void {
    this.over = true;
    for (const giveBack of this.charges.values()) giveBack();
    this.charges.clear();
  }
}
