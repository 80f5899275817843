import type { EventSubscription, SubscribeToAllOptions } from '../../port/event-store.port.js';
import { followLog } from '../../semantics/catch-up-subscription.js';
import type { PostgresAppendNotifier } from './postgres-append-notifier.js';
import type { PostgresLogReader } from './postgres-log-reader.js';

/**
 * A catch-up subscription over the shared follow loop, woken by the store's notifications.
 * `onEnd` runs once, when the subscription is closed or its loop is left with `break`.
 */
export function subscribeToPostgresLog(
  reader: PostgresLogReader,
  notifier: PostgresAppendNotifier,
  options: SubscribeToAllOptions,
  onEnd: (subscription: EventSubscription) => void,
): EventSubscription {
  const watch = notifier.watch();
  const followed = followLog(
    {
      readPage: async (afterPosition, limit, filter) => {
        // Listening starts before the first read, so no append can fall between the two.
        await watch.ready();
        watch.startingRead();
        return reader.page({ direction: 'forwards', beyond: afterPosition, limit, filter });
      },
      headPosition: () => reader.headPosition(),
      waitForAppend: (abort) => watch.wait(abort),
    },
    options.fromPosition,
    options.filter,
  );
  const iterator = followed[Symbol.asyncIterator]();
  const end = () => {
    watch.release();
    onEnd(subscription);
  };
  const subscription: EventSubscription = {
    [Symbol.asyncIterator]: () => ({
      next: () => iterator.next(),
      return: async () => {
        end();
        return (await iterator.return?.(undefined)) ?? { done: true, value: undefined };
      },
    }),
    close: async () => {
      await followed.close();
      end();
    },
  };
  return subscription;
}
