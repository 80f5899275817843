import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { EventFilter, EventSubscription } from '../../port/event-store.port.js';
import type { RecordedEvent } from '../../port/recorded-event.js';
import { isVisibleInLog } from './kurrentdb-event-filter.mapping.js';
import { toPortError, toPortEvent } from './kurrentdb-mapping.js';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * The port's view of a KurrentDB catch-up subscription to `$all`.
 *
 * Closing cancels the gRPC call, and the client then neither ends nor fails its stream, so a
 * pending `next()` would wait forever: every wait is raced against the close instead.
 */
export function followAllStream(
  source: AllStreamSubscription,
  filter: EventFilter | undefined,
  onClose: () => void,
): EventSubscription {
  const events = source[Symbol.asyncIterator]();
  let closed = false;
  let signalClosed: (done: typeof DONE) => void = () => undefined;
  const closedSignal = new Promise<typeof DONE>((resolve) => {
    signalClosed = resolve;
  });

  async function next(): Promise<IteratorResult<RecordedEvent, undefined>> {
    while (!closed) {
      let received: IteratorResult<AllStreamResolvedEvent> | typeof DONE;
      try {
        received = await Promise.race([events.next(), closedSignal]);
      } catch (error) {
        if (closed) return DONE;
        throw toPortError(error, { streamName: '$all' });
      }
      if (received.done) return DONE;
      const recorded = received.value.event;
      if (recorded === undefined) continue;
      const event = toPortEvent(recorded);
      if (isVisibleInLog(event, filter)) return { done: false, value: event };
    }
    return DONE;
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    signalClosed(DONE);
    onClose();
    // A call that never started (server unreachable) has nothing to cancel.
    await source.unsubscribe().catch(() => undefined);
    source.destroy();
  }

  const iterator: AsyncIterator<RecordedEvent, undefined> = {
    next,
    return: async () => {
      await close();
      return DONE;
    },
  };
  return {
    [Symbol.asyncIterator]: () => iterator,
    close,
  };
}
