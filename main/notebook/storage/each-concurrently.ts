/**
 * Run `work` on every item, at most `limit` at a time: many small files are
 * written, renamed or synced far faster side by side than one after another,
 * since the disk and the thread pool then batch them. The first failure stops
 * new work; the work already started is waited for before it is thrown, so
 * the caller can clean up knowing nothing is still writing.
 */
export async function eachConcurrently<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = items[Symbol.iterator]();
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    for (let next = queue.next(); !next.done && !failure; next = queue.next()) {
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
  if (failure) throw failure.error;
}
