/**
 * Runs `work` on each item of `source`, at most `limit` at a time, and yields the results in
 * the order of the items. It reads no further ahead than `limit` items, so a slow item holds
 * back the reading of the source (and so the request stream) rather than filling memory.
 * `work` must not reject: failures are results too.
 */
export async function* inInputOrder<T, R>(
  source: AsyncIterable<T>,
  work: (item: T) => Promise<R>,
  limit: number,
): AsyncGenerator<R> {
  const running: Promise<R>[] = [];
  for await (const item of source) {
    running.push(work(item));
    if (running.length >= limit) yield await (running.shift() as Promise<R>);
  }
  while (running.length > 0) yield await (running.shift() as Promise<R>);
}

/** `rest`, preceded by an item already taken from it; `rest` is closed when the reading stops. */
export async function* startingWith<T>(first: IteratorResult<T>, rest: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    if (first.done === true) return;
    yield first.value;
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}
