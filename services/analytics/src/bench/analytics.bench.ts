// Entry of `npm run bench -- analytics`: the rebuild rates of the indicator and report read
// models and of the access trail, each beside the store's own readAll rate over the same log,
// event-to-read-model lag at 500 events/s offered, and the accountability report on 100,000
// cases. BENCH_CASES changes the number of cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEventStore, type EventStore } from '@bluehelm/event-store';
import { accountabilityCsv } from '../accountability/accountability.csv.js';
import { loadAccountabilityIndex } from '../accountability/accountability-facts.loader.js';
import { accountabilityReport } from '../accountability/accountability.report.js';
import { ACCESS_TRAIL_GROUP, ANALYTICS_GROUP } from '../projection/analytics-read-models.js';
import type { ReadModelGroup } from '../projection/read-model-group.js';
import { SqliteReadModelDatabase } from '../read-model/sqlite-read-model-database.js';
import { rebuildReadModels } from '../rebuild/read-model-rebuild.js';
import { formatBenchLines, milliseconds, perSecond, type BenchLine } from './bench-table.js';
import { generateCaseHistory } from './case-history.generator.js';
import { benchLag } from './lag.bench.js';
import { seedSqliteLog } from './sqlite-log.seeder.js';

const CASES = Number(process.env['BENCH_CASES'] ?? 100_000);
const LAG_RATE = 500;
const LAG_EVENTS = 5_250;
const QUESTION = { asOf: '2025-12-31', knownAt: '2025-12-31T23:59:59.999Z', stallDays: 180 };

const folder = mkdtempSync(join(tmpdir(), 'bluehelm-analytics-bench-'));
try {
  const logFile = join(folder, 'events.db');
  let started = performance.now();
  const events = await seedSqliteLog(logFile, generateCaseHistory(CASES));
  console.log(`seeded ${events.toLocaleString('en-US')} events for ${CASES.toLocaleString('en-US')} cases in ${seconds(started)} s`);

  const store = await createEventStore(`sqlite:${logFile}`);
  const lines: BenchLine[] = [];
  try {
    const readAllRate = await bestOf(2, () => timeReadAll(store, events));
    const analyticsFile = join(folder, 'analytics.db');
    let database = SqliteReadModelDatabase.open(analyticsFile);
    const rebuildRateOf = (group: ReadModelGroup) =>
      bestOf(2, async () => {
        const outcome = await rebuildReadModels({ store, database, group, sqliteFile: analyticsFile });
        if (outcome.events !== events) throw new Error(`the ${group.name} rebuild applied ${outcome.events} of ${events} events`);
        return outcome.eventsPerSecond;
      });
    // Both groups in the same file, as the service keeps them: each rebuild leaves the other's rows.
    for (const [group, target] of [
      [ANALYTICS_GROUP, '>= 0.5'],
      [ACCESS_TRAIL_GROUP, 'none'],
    ] as const) {
      const rate = await rebuildRateOf(group);
      lines.push({
        measure: `rebuild -- ${group.name} (${events.toLocaleString('en-US')} events, sqlite)`,
        value: perSecond(rate),
        baseline: `readAll ${perSecond(readAllRate)}`,
        ratio: rate / readAllRate,
        target,
      });
    }

    await database.close();
    database = SqliteReadModelDatabase.open(analyticsFile);
    started = performance.now();
    const index = await loadAccountabilityIndex(database);
    const loadMs = performance.now() - started;
    await database.close();
    const reportTimes = Array.from({ length: 5 }, () => timed(() => accountabilityReport(index.cases(), QUESTION)));
    const csvMs = timed(() => accountabilityCsv(accountabilityReport(index.cases(), QUESTION)));
    const oneHostState = timed(() => accountabilityReport(index.cases(), { ...QUESTION, hostState: 'MLI' }));
    const worst = Math.max(...reportTimes);
    lines.push(
      {
        measure: `accountability report, ${index.caseCount.toLocaleString('en-US')} cases (worst of 5)`,
        value: milliseconds(worst),
        baseline: `median ${milliseconds(median(reportTimes))}`,
        target: '< 2,000 ms',
      },
      { measure: 'accountability report as CSV', value: milliseconds(csvMs), target: '< 2,000 ms' },
      { measure: 'accountability report, one host state', value: milliseconds(oneHostState), target: '< 2,000 ms' },
      { measure: 'loading the facts at start-up', value: milliseconds(loadMs) },
    );
  } finally {
    await store.close();
  }

  const lag = await benchLag(folder, LAG_RATE, LAG_EVENTS);
  lines.push({
    measure: `event-to-read-model lag at ${LAG_RATE} ev/s offered (${lag.events.toLocaleString('en-US')} events)`,
    value: `p50 ${milliseconds(lag.p50)}, p99 ${milliseconds(lag.p99)}`,
    baseline: `achieved ${perSecond(lag.achievedRate)}, max ${milliseconds(lag.max)}`,
  });
  console.log(formatBenchLines(lines));
} finally {
  rmSync(folder, { recursive: true, force: true });
}

async function timeReadAll(store: EventStore, expected: number): Promise<number> {
  const started = performance.now();
  let count = 0;
  for await (const event of store.readAll()) count += event.data === undefined ? 0 : 1;
  if (count !== expected) throw new Error(`readAll gave ${count} of ${expected} events`);
  return count / ((performance.now() - started) / 1000);
}

async function bestOf(runs: number, measure: () => Promise<number>): Promise<number> {
  let best = 0;
  for (let run = 0; run < runs; run += 1) {
    (globalThis as { gc?: () => void }).gc?.();
    best = Math.max(best, await measure());
  }
  return best;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
