type Settled<T> = { index: number; result: IteratorResult<T> } | { index: number; error: unknown };

/**
 * Several page streams as one, each page as soon as it is in, whichever
 * stream it comes from. Every stream has one page on its way at a time and is
 * asked for the next only once its last was taken, so the streams run side by
 * side and memory stays that of one page each. The first stream to fail ends
 * the whole (the others' requests in flight are left to settle unheard).
 *
 * Each page, once in, waits in a queue: not Promise.race over the pages on
 * their way, whose every call leaves a reaction on each slow stream's pending
 * request holding the race's result — a page — until that request settles
 * (with a listing budget to wait for, a heap snapshot of the worker found
 * most of its people held that way).
 */
export async function* mergePages<T>(streams: AsyncIterable<T>[]): AsyncGenerator<T> {
  const iterators = streams.map((stream) => stream[Symbol.asyncIterator]());
  const arrived: Settled<T>[] = [];
  const running = new Set<number>();
  let wake: (() => void) | undefined;
  const settle = (settled: Settled<T>) => {
    arrived.push(settled);
    wake?.();
  };
  const ask = (index: number) => {
    running.add(index);
    iterators[index]!.next().then(
      (result) => settle({ index, result }),
      (error: unknown) => settle({ index, error }),
    );
  };
  iterators.forEach((_, index) => ask(index));
  // Emptied once the caller has taken its page, so this frame does not keep it while the next one comes.
  let settled: Settled<T> | undefined;
  try {
    while (running.size > 0) {
      if (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      settled = arrived.shift()!;
      running.delete(settled.index);
      if ("error" in settled) throw settled.error;
      if (settled.result.done) continue;
      ask(settled.index);
      yield settled.result.value;
      settled = undefined;
    }
  } finally {
    // Stopped early (a failure, or the caller's): the streams still running are closed.
    for (const index of running) void iterators[index]!.return?.()?.catch(() => undefined);
  }
}
