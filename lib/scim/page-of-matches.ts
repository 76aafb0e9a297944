import { matches, type Filter } from "./filter";

type Json = Record<string, unknown>;

// Rows read at a time: memory stays at one batch and one page, whatever the customer's size.
export const scanBatchSize = 500;

/**
 * A filter that no index serves (`title co "sales"`, `not (…)`) is evaluated
 * on the resources themselves. They are read in batches, in the listing's own
 * order, keeping only the matches the requested page shows and counting the
 * rest, so a customer with 100,000 entries costs one batch of memory, not all.
 * `readBatch(after)` returns the next rows after the last one it returned.
 */
export async function pageOfMatches<Row>(options: {
  readBatch: (after: Row | null) => Promise<Row[]>;
  toResource: (row: Row) => Json;
  filter: Filter;
  startIndex: number;
  count: number;
}): Promise<{ page: Json[]; totalResults: number }> {
  const { readBatch, toResource, filter, startIndex, count } = options;
  const page: Json[] = [];
  let totalResults = 0;
  let after: Row | null = null;
  for (;;) {
    const rows = await readBatch(after);
    for (const row of rows) {
      const resource = toResource(row);
      if (!matches(resource, filter)) continue;
      totalResults++;
      if (totalResults >= startIndex && page.length < count) page.push(resource);
    }
    if (rows.length < scanBatchSize) return { page, totalResults };
    after = rows.at(-1)!;
  }
}
