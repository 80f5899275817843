import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '../adapters/sqlite/sqlite-event-store.js';
import { EVENT_COLUMNS, type EventRow } from '../adapters/sqlite/sqlite-event-row.js';
import { openEventStoreDatabase } from '../adapters/sqlite/sqlite-schema.js';
import type { EventToAppend } from '../port/recorded-event.js';
import { type BenchRow, eventsPerSecond } from './bench-row.js';

const ADAPTER = 'sqlite';
const SINGLE_APPENDS = 2_000;
const BATCH_SIZE = 100;
/** Also most of the log that readAll and the subscription go through. */
const BATCHED_EVENTS = 200_000;
const LOG_SIZE = SINGLE_APPENDS + BATCHED_EVENTS;
const RAW_PAGE_SIZE = 2_000;

/**
 * The sqlite adapter beside plain better-sqlite3 loops on a second file with the same schema and
 * the same pragmas (WAL, synchronous=FULL), both fresh temporary files. Each raw loop runs
 * before its adapter counterpart, so any warm-up favours the baseline.
 */
export async function benchSqlite(): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'bluehelm-sqlite-bench-'));
  const store = await SqliteEventStore.open(join(folder, 'adapter.db'));
  const raw = openEventStoreDatabase(join(folder, 'raw.db'));
  try {
    const single = await benchSingleAppends(store, raw);
    const batched = await benchBatchedAppends(store, raw);
    return [single, batched, ...(await benchReads(store, raw))];
  } finally {
    await store.close();
    raw.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

async function benchSingleAppends(store: SqliteEventStore, raw: Database.Database): Promise<BenchRow> {
  const rawEvents = makeEvents(SINGLE_APPENDS);
  const events = makeEvents(SINGLE_APPENDS);
  collectGarbage();
  const rawRate = await eventsPerSecond(SINGLE_APPENDS, () => {
    const insert = rawInsertTransaction(raw);
    rawEvents.forEach((event, revision) => insert.immediate('bench-single', [event], revision));
  });
  const adapterRate = await eventsPerSecond(SINGLE_APPENDS, async () => {
    let expectedRevision: number | 'no-stream' = 'no-stream';
    for (const event of events) {
      ({ nextExpectedRevision: expectedRevision } = await store.appendToStream('bench-single', [event], {
        expectedRevision,
      }));
    }
  });
  return { adapter: ADAPTER, measure: 'append (1 event per append)', adapterRate, rawRate, targetRatio: 0.5 };
}

async function benchBatchedAppends(store: SqliteEventStore, raw: Database.Database): Promise<BenchRow> {
  const rawBatches = inBatches(makeEvents(BATCHED_EVENTS));
  const batches = inBatches(makeEvents(BATCHED_EVENTS));
  collectGarbage();
  const rawRate = await eventsPerSecond(BATCHED_EVENTS, () => {
    const insert = rawInsertTransaction(raw);
    rawBatches.forEach((batch, n) => insert.immediate(`bench-batch-${n}`, batch, 0));
  });
  const adapterRate = await eventsPerSecond(BATCHED_EVENTS, async () => {
    for (const [n, batch] of batches.entries()) {
      await store.appendToStream(`bench-batch-${n}`, batch, { expectedRevision: 'no-stream' });
    }
  });
  return { adapter: ADAPTER, measure: `append (batches of ${BATCH_SIZE})`, adapterRate, rawRate, targetRatio: 0.5 };
}

/** readAll and a catch-up subscription over the whole log, best of two runs each. */
async function benchReads(store: SqliteEventStore, raw: Database.Database): Promise<BenchRow[]> {
  const rawRate = await bestOf(2, () => eventsPerSecond(LOG_SIZE, () => rawSelectLoop(raw)));
  const readAllRate = await bestOf(2, () =>
    eventsPerSecond(LOG_SIZE, async () => {
      let count = 0;
      for await (const event of store.readAll()) count += event.data === undefined ? 0 : 1;
      assertCount('readAll', count);
    }),
  );
  const subscriptionRate = await bestOf(2, () =>
    eventsPerSecond(LOG_SIZE, async () => {
      const subscription = store.subscribeToAll();
      let count = 0;
      for await (const event of subscription) {
        count += event.data === undefined ? 0 : 1;
        if (count === LOG_SIZE) break;
      }
      await subscription.close();
      assertCount('the subscription', count);
    }),
  );
  const measure = `readAll (${LOG_SIZE.toLocaleString('en-US')} events)`;
  return [
    { adapter: ADAPTER, measure, adapterRate: readAllRate, rawRate, targetRatio: 0.5 },
    { adapter: ADAPTER, measure: 'catch-up subscription', adapterRate: subscriptionRate, rawRate },
  ];
}

/** What an append does at the least: stringify both JSON columns and insert, in one transaction. */
function rawInsertTransaction(db: Database.Database) {
  const insert = db.prepare<[string, number, string, string, string, string, string]>(
    'INSERT INTO events (stream_name, revision, id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return db.transaction((streamName: string, events: readonly EventToAppend[], firstRevision: number) => {
    const createdAt = new Date().toISOString();
    events.forEach((event, index) => {
      const data = JSON.stringify(event.data);
      const metadata = JSON.stringify(event.metadata);
      insert.run(streamName, firstRevision + index, event.id, event.type, data, metadata, createdAt);
    });
  });
}

/**
 * The plain driver loop: the same paged query as the adapter's (rows as arrays, fetched a page
 * at a time, which better-sqlite3 serves faster than a row-by-row iterate), both JSON columns
 * parsed once, no event objects and no async iteration.
 */
function rawSelectLoop(db: Database.Database): void {
  const select = db
    .prepare<[number, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
    )
    .raw(true);
  let count = 0;
  let from = 0;
  for (;;) {
    const rows = select.all(from, RAW_PAGE_SIZE);
    for (const row of rows) {
      const data: unknown = JSON.parse(row[5]);
      const metadata: unknown = JSON.parse(row[6]);
      count += data === undefined || metadata === undefined ? 0 : 1;
    }
    const last = rows.at(-1);
    if (rows.length < RAW_PAGE_SIZE || last === undefined) break;
    from = last[0] + 1;
  }
  assertCount('the raw select', count);
}

function assertCount(reader: string, count: number): void {
  if (count !== LOG_SIZE) throw new Error(`${reader} gave ${count} of ${LOG_SIZE} events`);
}

function makeEvents(count: number): EventToAppend[] {
  const correlationId = randomUUID();
  return Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'IncidentReported',
    data: {
      incidentId: randomUUID(),
      mission: 'MINUSMA',
      occurredOn: '2024-03-17',
      category: 'malicious-act',
      casualties: [{ personnelType: 'military', outcome: 'injured', nationality: 'SEN' }],
      narrative: `Patrol ${n} struck an improvised explosive device on the supply route.`,
    },
    metadata: {
      correlationId,
      causationId: correlationId,
      actor: 'reporter-1',
      occurredAt: '2024-03-17T08:00:00.000Z',
      recordedAt: '2024-03-18T09:30:00.000Z',
      schemaVersion: 1,
    },
  }));
}

function inBatches<T>(items: readonly T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / BATCH_SIZE) }, (_, n) =>
    items.slice(n * BATCH_SIZE, (n + 1) * BATCH_SIZE),
  );
}

async function bestOf(runs: number, measure: () => Promise<number>): Promise<number> {
  let best = 0;
  for (let run = 0; run < runs; run++) {
    collectGarbage();
    best = Math.max(best, await measure());
  }
  return best;
}

/** The bench runner starts node with --expose-gc: leftovers of one measure should not tax the next. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
