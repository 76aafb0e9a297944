/**
 * Iterates one item ahead: while the caller works on an item (a page being
 * planned and written), the next is already on its way (Graph serving the
 * next page), so the network and the database are busy at the same time.
 * At most two items are held, so memory stays that of two pages.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      // If the caller stops on an error of its own, a failure of the fetch ahead must not go unhandled.
      next.catch(() => undefined);
      yield current.value;
    }
  } finally {
    void iterator.return?.();
  }
}
