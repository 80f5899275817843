import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createEventStore } from '@bluehelm/event-store';
import { ALL_READ_MODELS, ALL_TABLES } from '../projection/analytics-read-models.js';
import { Projector } from '../projection/projector.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { percentile } from './bench-table.js';
import type { AppendSample, AppenderSettings } from './lag-appender.worker.js';

export interface LagFigures {
  readonly offeredRate: number;
  readonly achievedRate: number;
  readonly events: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The first events warm up the store, the projector and the JIT; they are not counted. */
const WARM_UP_EVENTS = 250;

/**
 * Event-to-read-model lag: a worker thread appends events one per append at the offered rate to
 * a sqlite store (through its own connection, so the projector learns of them by polling, as it
 * does of another process's appends), while the projector follows; the lag of an event is the
 * time from its append's commit to the commit of the batch that applied it.
 */
export async function benchLag(folder: string, eventsPerSecond: number, events: number): Promise<LagFigures> {
  const eventStoreUrl = `sqlite:${join(folder, 'lag-events.db')}`;
  const store = await createEventStore(eventStoreUrl);
  const database = SqliteReadModelDatabase.open(join(folder, 'lag-analytics.db'));
  await database.createTables(ALL_TABLES);
  const appliedAt = new Map<number, number>();
  const projector = new Projector({
    store,
    database,
    readModels: ALL_READ_MODELS,
    onBatch: (batch) => {
      const now = performance.timeOrigin + performance.now();
      for (const event of batch) appliedAt.set(event.position, now);
    },
  });
  try {
    await projector.start();
    const settings: AppenderSettings = { eventStoreUrl, eventsPerSecond, events };
    const worker = new Worker(new URL('./lag-appender.worker.js', import.meta.url), { workerData: settings });
    const [result] = (await once(worker, 'message')) as [{ samples: AppendSample[]; seconds: number }];
    await worker.terminate();
    const last = result.samples.at(-1)?.position ?? -1;
    await projector.whenReached(last);
    const lags = result.samples
      .slice(WARM_UP_EVENTS)
      .map((sample) => (appliedAt.get(sample.position) ?? Number.NaN) - sample.committedAt)
      .sort((a, b) => a - b);
    return {
      offeredRate: eventsPerSecond,
      achievedRate: result.samples.length / result.seconds,
      events: lags.length,
      p50: percentile(lags, 0.5),
      p99: percentile(lags, 0.99),
      max: lags.at(-1) ?? Number.NaN,
    };
  } finally {
    await projector.stop();
    await database.close();
    await store.close();
  }
}
