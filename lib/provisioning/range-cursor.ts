import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { companyExtensions, type ProvisioningSettings } from "@/db/schema";

/**
 * The next free numbers of a company's extension range, handed out in order
 * through one provisioning pass. Free means no user and no directory entry of
 * the company holds it (company_extensions); the database finds them, so the
 * worker never holds the company's extensions in memory. The cursor only moves
 * forward, so a pass reads each part of the range once; a batch the database
 * refused is decided again from where it began.
 */
export class RangeCursor {
  private next: number | null;

  constructor(
    private readonly customerId: string,
    private readonly settings: Pick<ProvisioningSettings, "rangeStart" | "rangeEnd">,
  ) {
    this.next = settings.rangeStart;
  }

  get configured(): boolean {
    return this.settings.rangeStart !== null && this.settings.rangeEnd !== null;
  }

  /** "1000–1099", for the run page. */
  get label(): string {
    return `${this.settings.rangeStart}–${this.settings.rangeEnd}`;
  }

  /** Where the cursor stands: a batch the database refused is decided again from its mark. */
  mark(): number | null {
    return this.next;
  }

  rewind(mark: number | null): void {
    this.next = mark;
  }

  /**
   * Up to `count` free numbers, lowest first; fewer when the range runs out.
   * The range is read a window at a time: ordered, a series over a whole
   * range (millions of numbers) was sorted in full for every batch.
   */
  async take(count: number): Promise<string[]> {
    const end = this.settings.rangeEnd;
    const numbers: number[] = [];
    while (numbers.length < count && this.next !== null && end !== null && this.next <= end) {
      const windowEnd = Math.min(end, this.next + Math.max(2 * (count - numbers.length), 1_000) - 1);
      const ce = companyExtensions;
      const rows = await db().execute<{ n: number }>(sql`
        select n from generate_series(${this.next}::int, ${windowEnd}::int) n
        where not exists (select 1 from ${ce} where ${ce.customerId} = ${this.customerId} and ${ce.extension} = n::text)
        order by n limit ${count - numbers.length}`);
      const found = [...rows].map((r) => Number(r.n));
      numbers.push(...found);
      this.next = found.length === 0 || numbers.length < count ? windowEnd + 1 : found.at(-1)! + 1;
    }
    return numbers.map(String);
  }
}
