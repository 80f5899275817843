import type { EventStore, RecordedEvent } from '@bluehelm/event-store';
import { planBatch } from '../projection/batch.plan.js';
import { ANALYTICS_EVENT_FILTER } from '../projection/projector.js';
import type { AnyReadModelBinding } from '../projection/read-model.binding.js';
import { ThreadedBatchWriter } from './threaded-batch-writer.js';

const BATCH_SIZE = 2_000;
/** Batches sent to the writer and not yet committed, at most: enough to keep both threads busy. */
const MAX_IN_FLIGHT = 3;

/**
 * Applies the log from position zero up to `head` to freshly created read models of a sqlite
 * file, reading and planning here (the projector's own planBatch) while a writer thread commits.
 * A rebuild is the one writer of its file, so each batch is planned against the checkpoints the
 * previous one leaves; the writer checks that they are. Answers the number of events applied.
 */
export async function rebuildThreaded(
  store: EventStore,
  readModels: readonly AnyReadModelBinding[],
  file: string,
  head: number,
  onCommitted: (lastPosition: number, events: number) => void,
): Promise<number> {
  const writer = new ThreadedBatchWriter(file);
  const checkpoints = new Map<string, number>(readModels.map(({ projection }) => [projection.name, -1]));
  const inFlight: Promise<void>[] = [];
  let planned = 0;
  let committed = 0;
  const send = (batch: readonly RecordedEvent[]) => {
    const expected = new Map(checkpoints);
    const plan = planBatch(readModels, batch, checkpoints);
    for (const [name, position] of plan.checkpoints) checkpoints.set(name, position);
    planned += batch.length;
    const lastPosition = batch.at(-1)?.position ?? -1;
    inFlight.push(
      writer.write(expected, plan).then(() => {
        committed += batch.length;
        onCommitted(lastPosition, committed);
      }),
    );
  };
  const subscription = store.subscribeToAll({ fromPosition: 'start', filter: ANALYTICS_EVENT_FILTER });
  try {
    let batch: RecordedEvent[] = [];
    if (head >= 0) {
      for await (const event of subscription) {
        batch.push(event);
        const reachedHead = event.position >= head;
        if (batch.length === BATCH_SIZE || reachedHead) {
          send(batch);
          batch = [];
          if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
        }
        if (reachedHead) break;
      }
    }
    await Promise.all(inFlight);
    return planned;
  } finally {
    await subscription.close();
    await Promise.allSettled(inFlight);
    await writer.close();
  }
}
