import type { EventFilter, EventSubscription } from '../port/event-store.port.js';
import type { RecordedEvent } from '../port/recorded-event.js';

/** What an adapter supplies so that the shared catch-up loop can follow its log. */
export interface LogFollower {
  /** Events with a position strictly above `afterPosition`, in position order, at most `limit`. */
  readPage(afterPosition: number, limit: number, filter: EventFilter | undefined): Promise<RecordedEvent[]>;
  /** The position of the last committed event, or -1 when the log is empty. */
  headPosition(): Promise<number>;
  /**
   * Resolves when events past `knownHead` may have been committed (at once if they already are;
   * else on a notification, or after a poll interval for stores written by other processes);
   * `abort` resolves early when the subscription closes.
   */
  waitForAppend(abort: Promise<void>, knownHead: number): Promise<void>;
}

const PAGE_SIZE = 1000;

/**
 * A catch-up subscription over any adapter that can page through its log:
 * history first, then live events, each exactly once per run, in position order.
 */
export function followLog(
  follower: LogFollower,
  fromPosition: number | 'start' | 'end' | undefined,
  filter: EventFilter | undefined,
): EventSubscription {
  let closed = false;
  let signalClosed: () => void = () => undefined;
  const closedSignal = new Promise<void>((resolve) => {
    signalClosed = resolve;
  });

  async function* events(): AsyncGenerator<RecordedEvent> {
    let after =
      fromPosition === 'end'
        ? await follower.headPosition()
        : fromPosition === 'start' || fromPosition === undefined
          ? -1
          : fromPosition;
    while (!closed) {
      // The head is read before the page so that an append landing while the page is handed
      // out is not slept through: waitForAppend returns at once when the head has moved.
      const head = await follower.headPosition();
      const page = await follower.readPage(after, PAGE_SIZE, filter);
      for (const event of page) {
        if (closed) return;
        after = event.position;
        yield event;
      }
      if (page.length < PAGE_SIZE && !closed) {
        await follower.waitForAppend(closedSignal, head);
      }
    }
  }

  const iterator = events();
  return {
    [Symbol.asyncIterator]: () => iterator,
    async close() {
      closed = true;
      signalClosed();
      await iterator.return(undefined);
    },
  };
}
