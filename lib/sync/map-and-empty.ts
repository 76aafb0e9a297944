/**
 * A source's page mapped to directory entries, the page itself emptied. A
 * suspended generator keeps the last value it yielded in its registers while
 * it waits for its next one (V8), so each generator that passed the page on
 * would keep the source's users alive until its next page came; emptied, the
 * page keeps nothing there. walkPages empties the entries and their plan, for
 * the same reason, once the page's statement is built.
 */
export function mapAndEmpty<T, U>(page: T[], map: (item: T) => U): U[] {
  const mapped = page.map(map);
  page.length = 0;
  return mapped;
}
