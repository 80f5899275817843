import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { postgresConnectionSettings } from '../adapters/postgres/postgres-connection.options.js';
import { PostgresEventStore } from '../adapters/postgres/postgres-event-store.js';
import type { EventToAppend } from '../port/recorded-event.js';
import { type BenchRow, eventsPerSecond } from './bench-row.js';

const SINGLE_APPENDS = 2_000;
const BATCH_SIZE = 100;
const BATCHES = 200;
const LOG_SIZE = 100_000;
const READ_PAGE_SIZE = 2_000;
// The catch-up loop's page size (semantics/catch-up-subscription.ts), so the raw loop pages alike.
const SUBSCRIPTION_PAGE_SIZE = 1_000;

// Raw and adapter work alternate in rounds, so that a machine busy with other work weighs on both alike.
const ROUNDS = 10;
const READ_ROUNDS = 3;

const COLUMNS = 'position, stream_name, revision, id, type, data, metadata, created_at';

function benchEvent(): EventToAppend {
  const id = randomUUID();
  return {
    id,
    type: 'IncidentReported',
    data: { incidentId: id, mission: 'MINUSMA', hostState: 'MLI', occurredOn: '2026-03-14', category: 'malicious-act' },
    metadata: { correlationId: randomUUID(), actor: 'bench', occurredAt: '2026-03-14T08:00:00Z', schemaVersion: 1 },
  };
}

interface SideBySide {
  readonly adapterRate: number;
  readonly rawRate: number;
}

async function interleaved(
  rounds: number,
  eventsPerRound: number,
  work: { readonly raw: () => Promise<void>; readonly adapter: () => Promise<void> },
): Promise<SideBySide> {
  let rawSeconds = 0;
  let adapterSeconds = 0;
  for (let round = 0; round < rounds; round++) {
    rawSeconds += eventsPerRound / (await eventsPerSecond(eventsPerRound, work.raw));
    adapterSeconds += eventsPerRound / (await eventsPerSecond(eventsPerRound, work.adapter));
  }
  return { adapterRate: (rounds * eventsPerRound) / adapterSeconds, rawRate: (rounds * eventsPerRound) / rawSeconds };
}

function expectAll(reader: string, read: number): void {
  if (read !== LOG_SIZE) throw new Error(`${reader} read ${read} of ${LOG_SIZE} events`);
}

/**
 * The PostgreSQL adapter beside plain pg loops on the same server, in a schema of its own
 * (dropped afterwards). Both sides commit with the server's durability settings; the raw table
 * has the adapter's columns and keys, so the ratio measures what the adapter itself costs.
 */
export async function benchPostgres(url: string): Promise<BenchRow[]> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const { connectionString, names } = postgresConnectionSettings(url, { schema });
  const store = await PostgresEventStore.connect(url, { schema, readPageSize: READ_PAGE_SIZE });
  const raw = new pg.Client({ connectionString });
  await raw.connect();
  const rawTable = `${names.quotedSchema}.raw_events`;
  try {
    await raw.query(
      `CREATE TABLE ${rawTable} (position bigint PRIMARY KEY, stream_name text NOT NULL, revision bigint NOT NULL,
         id uuid NOT NULL UNIQUE, type text NOT NULL, data json NOT NULL, metadata json NOT NULL,
         created_at timestamptz NOT NULL, UNIQUE (stream_name, revision))`,
    );
    let rawPosition = 0;
    const rawRows = (count: number, stream: string) =>
      Array.from({ length: count }, () => {
        const event = benchEvent();
        const position = rawPosition++;
        return [position, stream, position, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)];
      });
    const rawInsert = (rowCount: number) =>
      `INSERT INTO ${rawTable} (${COLUMNS}) VALUES ` +
      Array.from({ length: rowCount }, (_, row) => `(${[1, 2, 3, 4, 5, 6, 7].map((n) => `$${row * 7 + n}`).join(', ')}, now())`).join(', ');

    const rows: BenchRow[] = [];
    const row = (measure: string, rates: SideBySide, targetRatio?: number): void => {
      rows.push({ adapter: 'postgres', measure, ...rates, ...(targetRatio === undefined ? {} : { targetRatio }) });
    };

    const singlesPerRound = SINGLE_APPENDS / ROUNDS;
    let revision = -1;
    row(
      'append (1 event per append)',
      await interleaved(ROUNDS, singlesPerRound, {
        raw: async () => {
          for (const values of rawRows(singlesPerRound, 'raw-single')) {
            await raw.query({ name: 'raw-insert-1', text: rawInsert(1), values });
          }
        },
        adapter: async () => {
          for (const event of Array.from({ length: singlesPerRound }, benchEvent)) {
            const expectedRevision = revision < 0 ? 'no-stream' : revision;
            revision = (await store.appendToStream('bench-single', [event], { expectedRevision })).nextExpectedRevision;
          }
        },
      }),
      0.5,
    );

    const batchesPerRound = BATCHES / ROUNDS;
    row(
      `append (batches of ${BATCH_SIZE})`,
      await interleaved(ROUNDS, batchesPerRound * BATCH_SIZE, {
        raw: async () => {
          for (let batch = 0; batch < batchesPerRound; batch++) {
            const values = rawRows(BATCH_SIZE, 'raw-batches').flat();
            await raw.query({ name: 'raw-insert-batch', text: rawInsert(BATCH_SIZE), values });
          }
        },
        adapter: async () => {
          for (let batch = 0; batch < batchesPerRound; batch++) {
            await store.appendToStream('bench-batches', Array.from({ length: BATCH_SIZE }, benchEvent));
          }
        },
      }),
      0.5,
    );

    // Both sides read the very same rows: the raw table is refilled from the adapter's log.
    for (let stored = SINGLE_APPENDS + BATCHES * BATCH_SIZE; stored < LOG_SIZE; stored += 1_000) {
      await store.appendToStream(`bench-fill-${stored}`, Array.from({ length: 1_000 }, benchEvent));
    }
    await raw.query(`TRUNCATE ${rawTable}`);
    await raw.query(`INSERT INTO ${rawTable} (${COLUMNS}) SELECT ${COLUMNS} FROM ${names.events}`);
    await raw.query(`VACUUM ANALYZE ${rawTable}`);
    await raw.query(`VACUUM ANALYZE ${names.events}`);

    const rawKeysetLoop = async (pageSize: number) => {
      let after = -1;
      let read = 0;
      for (;;) {
        const page = await raw.query({
          name: `raw-page-${pageSize}`,
          text: `SELECT ${COLUMNS} FROM ${rawTable} WHERE position > $1 ORDER BY position LIMIT $2`,
          values: [after, pageSize],
        });
        read += page.rows.length;
        if (page.rows.length < pageSize) break;
        after = Number(page.rows[page.rows.length - 1].position);
      }
      expectAll('the raw loop', read);
    };
    const adapterReadAll = async () => {
      let read = 0;
      for await (const _event of store.readAll()) read++;
      expectAll('readAll', read);
    };
    const adapterCatchUp = async () => {
      const subscription = store.subscribeToAll();
      let read = 0;
      for await (const _event of subscription) if (++read === LOG_SIZE) break;
      await subscription.close();
    };
    // An untimed pass each brings both tables into the server's cache alike.
    await rawKeysetLoop(READ_PAGE_SIZE);
    await adapterReadAll();

    row(
      'readAll',
      await interleaved(READ_ROUNDS, LOG_SIZE, { raw: () => rawKeysetLoop(READ_PAGE_SIZE), adapter: adapterReadAll }),
      0.5,
    );
    row(
      'catch-up subscription',
      await interleaved(READ_ROUNDS, LOG_SIZE, { raw: () => rawKeysetLoop(SUBSCRIPTION_PAGE_SIZE), adapter: adapterCatchUp }),
    );
    return rows;
  } finally {
    await store.close();
    await raw.query(`DROP SCHEMA IF EXISTS ${names.quotedSchema} CASCADE`);
    await raw.end();
  }
}
