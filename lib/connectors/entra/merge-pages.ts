/**
 * Several page streams as one, each page as soon as it is in, whichever
 * stream it comes from. Every stream has one page on its way at a time and is
 * asked for the next only once its last was taken, so the streams run side by
 * side and memory stays that of one page each. The first stream to fail ends
 * the whole (the others' requests in flight are left to settle unheard).
 */
export async function* mergePages<T>(streams: AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = streams.map((stream) => stream[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ index: number; result: IteratorResult<T> }>>();
  const ask = (index: number) => {
    const next = iterators[index]!.next().then((result) => ({ index, result }));
    // Rejections are heard through Promise.race below, or not at all once the merge has failed.
    next.catch(() => undefined);
    pending.set(index, next);
  };
  iterators.forEach((_, index) => ask(index));
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      pending.delete(index);
      if (result.done) continue;
      ask(index);
      yield result.value;
    }
  } finally {
    // Stopped early (a failure, or the caller's): streams not yet running their next request are closed.
    for (const [index] of pending) void iterators[index]!.return?.()?.catch(() => undefined);
  }
}
