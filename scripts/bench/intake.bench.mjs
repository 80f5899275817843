// npm run bench -- intake: incident reports through the whole path (HTTP -> gateway -> NATS ->
// intake -> sqlite), beside a raw better-sqlite3 append loop with the same durability in the
// same run; latency at a fixed offered rate; a 100,000-line NDJSON batch with its peak memory.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { startBluehelm } from '../lib/bluehelm-system.mjs';
import { bearer } from '../lib/test-tokens.mjs';
import { percentile, printTable, rounded } from './bench-table.mjs';

const THROUGHPUT_REPORTS = 6_000;
/**
 * Connections of the closed loop: enough to saturate the path. With 32 the rate was still rising
 * (by about a tenth up to 128 connections); from 128 to 256 it no longer did.
 */
const CONCURRENCY = 128;
const OFFERED_RATE = 200;
const OFFERED_SECONDS = 10;
const BATCH_LINES = Number(process.env.BENCH_BATCH_LINES ?? 100_000);
/**
 * Rounds of (raw loop, closed loop), the raw loop right before each closed loop: this machine's
 * speed drifts by a third from one minute to the next, so each ratio compares two measures taken
 * together, and the round with the median ratio is the one reported.
 */
const ROUNDS = 3;

function report(n, prefix) {
  return {
    reportId: `${prefix}-${n}`,
    mission: 'MINUSMA',
    occurredOn: '2020-05-17',
    category: 'malicious-act',
    type: 'ied',
    detectedBeforeDetonation: n % 2 === 0,
    location: { placeName: 'Gao region', lat: 16.27, lon: -0.04, precision: 'region' },
    narrative: 'Convoy struck by an improvised explosive device.',
    casualties: [{ personnelType: 'military', nationality: 'TCD', outcome: n % 5 === 0 ? 'killed' : 'injured' }],
  };
}

/** One event per transaction, WAL and synchronous=FULL: what the sqlite adapter promises per append. */
function rawSqliteAppendsPerSecond(count) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  const db = new Database(join(dir, 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT, revision INTEGER, id TEXT UNIQUE, type TEXT, data TEXT, metadata TEXT, created_at TEXT)');
  const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created_at) VALUES (?, 0, ?, ?, ?, ?, ?)');
  const append = db.transaction((n) =>
    insert.run(`incident-${randomUUID()}`, randomUUID(), 'IncidentReported', JSON.stringify(report(n, 'raw')), '{}', new Date().toISOString()),
  );
  const started = performance.now();
  for (let n = 0; n < count; n++) append(n);
  const rate = count / ((performance.now() - started) / 1000);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return rate;
}

async function postReport(baseUrl, body) {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/v1/incidents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...reporter },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (response.status !== 201 && response.status !== 200) throw new Error(`report answered ${response.status}`);
  return performance.now() - started;
}

/** A report that names its casualty: its name is sealed with a new data key of its new case. */
function namedReport(n, prefix) {
  const plain = report(n, prefix);
  return { ...plain, casualties: plain.casualties.map((casualty) => ({ ...casualty, name: `Casualty ${n}` })) };
}

/**
 * Accepted reports/s with CONCURRENCY connections each sending its next report as soon as the
 * last is answered. The load comes from autocannon, which writes prepared requests straight to
 * its sockets: on two cores shared with the system under test, a client built on fetch took a
 * quarter of the machine (1 ms of CPU per report) and would have measured itself. Each request
 * gets a new reportId (and casualty name) from autocannon's `[<id>]` replacement.
 */
async function closedLoopThroughput(baseUrl, reportOf = report) {
  const body = JSON.stringify(reportOf(0, 'tp')).replace('"tp-0"', `"tp-${randomUUID()}-[<id>]"`).replace('Casualty 0', 'Casualty [<id>]');
  const started = performance.now();
  let lastAnswer = started;
  const load = autocannon({
    url: `${baseUrl}/v1/incidents`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...reporter },
    body,
    idReplacement: true,
    connections: CONCURRENCY,
    amount: THROUGHPUT_REPORTS,
  });
  // Timed to the last answer: autocannon itself only ends on its next one-second tick.
  load.on('response', () => (lastAnswer = performance.now()));
  const result = await load;
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.errors} errors and ${result.non2xx} answers other than 2xx`);
  return result['2xx'] / ((lastAnswer - started) / 1000);
}

/** One round: the raw append rate, then the reports/s and the relay's backlog right after. */
async function measuredRound(baseUrl, relayedEvents) {
  const raw = rawSqliteAppendsPerSecond(THROUGHPUT_REPORTS);
  const relayedBefore = await relayedEvents();
  const throughput = await closedLoopThroughput(baseUrl);
  const relay = await relayBacklog(relayedEvents, relayedBefore + THROUGHPUT_REPORTS);
  return { raw, throughput, ratio: throughput / raw, relay };
}

/**
 * How far intake's relay was behind when the closed loop ended: the events JetStream did not have
 * yet, and how long it took to have them all. A relay that lags under load would let intake accept
 * reports faster than the system passes them on.
 */
async function relayBacklog(events, expected) {
  const ended = performance.now();
  const behind = expected - (await events());
  while ((await events()) < expected) await new Promise((resolve) => setTimeout(resolve, 20));
  return { behind, caughtUpMs: performance.now() - ended };
}

async function latencyAtOfferedRate(baseUrl) {
  const latencies = [];
  const sends = [];
  const interval = 1000 / OFFERED_RATE;
  const started = performance.now();
  for (let n = 0; n < OFFERED_RATE * OFFERED_SECONDS; n++) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sends.push(postReport(baseUrl, report(n, `lat-${randomUUID()}`)).then((ms) => latencies.push(ms)));
  }
  await Promise.all(sends);
  return latencies.sort((a, b) => a - b);
}

async function timedBatch(system) {
  const prefix = `batch-${randomUUID()}`;
  const lines = (function* () {
    for (let n = 0; n < BATCH_LINES; n++) yield `${JSON.stringify(report(n, prefix))}\n`;
  })();
  const body = new ReadableStream({
    pull(controller) {
      const chunk = [];
      for (let i = 0; i < 500; i++) {
        const { value, done } = lines.next();
        if (done) break;
        chunk.push(value);
      }
      if (chunk.length === 0) controller.close();
      else controller.enqueue(new TextEncoder().encode(chunk.join('')));
    },
  });
  const started = performance.now();
  const response = await fetch(`${system.baseUrl}/v1/incidents/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-ndjson', accept: 'application/x-ndjson', ...reporter },
    body,
    duplex: 'half',
  });
  let accepted = 0;
  let pending = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    pending += decoder.decode(chunk, { stream: true });
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) if (line.includes('"status":"accepted"')) accepted += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, accepted, gatewayPeak: system.peakMemoryBytes('gateway'), intakePeak: system.peakMemoryBytes('intake') };
}

/** The run takes minutes: each step says on stderr what it is doing, the figures come at the end. */
function step(text) {
  process.stderr.write(`intake bench: ${text}\n`);
}

// Only the path under measure: the other services' work on each report (opening cases,
// projections, notifications) would be counted against intake otherwise.
const system = await startBluehelm('sqlite', {}, { only: ['intake', 'gateway'] });
/** A mission system's token: every report of the run is sent, and verified, as a real one is. */
const reporter = await bearer({ sub: 'bench-reporter', roles: ['reporter'] }, { devKeyDir: system.devKeyDir });
const nats = await connect({ servers: system.natsUrl, ...system.natsAdmin });
const streams = await jetstreamManager(nats);
const relayedEvents = async () => (await streams.streams.info('BLUEHELM_EVENTS')).state.messages;
try {
  step('warming up');
  await closedLoopThroughput(system.baseUrl).catch(() => undefined); // warm-up: JIT, connections, sqlite pages
  const rounds = [];
  for (let round = 0; round < ROUNDS; round++) {
    step(`round ${round + 1} of ${ROUNDS}: raw appends, then ${rounded(THROUGHPUT_REPORTS)} reports`);
    rounds.push(await measuredRound(system.baseUrl, relayedEvents));
  }
  const byRatio = [...rounds].sort((a, b) => a.ratio - b.ratio);
  const { raw, throughput, relay } = /** @type {(typeof rounds)[number]} */ (byRatio[Math.floor(ROUNDS / 2)]);
  const ratios = rounds.map((measured) => measured.ratio.toFixed(2)).join(', ');
  step('reports naming their casualty');
  const namedThroughput = await closedLoopThroughput(system.baseUrl, namedReport);
  step(`latency at ${OFFERED_RATE} reports/s for ${OFFERED_SECONDS} s`);
  const latencies = await latencyAtOfferedRate(system.baseUrl);
  step(`a ${rounded(BATCH_LINES)}-line NDJSON batch`);
  const batch = await timedBatch(system);
  const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  printTable(
    ['measure', 'value', 'raw baseline', 'ratio', 'target'],
    [
      [`accepted reports/s (HTTP → NATS → intake → sqlite), median of ${ROUNDS} rounds`, rounded(throughput), `${rounded(raw)} appends/s`, (throughput / raw).toFixed(2), '>= 0.3'],
      ['… the ratio of each round', ratios, '', '', ''],
      ['… events intake had not yet relayed to JetStream when that round ended', `${rounded(relay.behind)} (all ${(relay.caughtUpMs / 1000).toFixed(1)} s later)`, '', '', ''],
      ['… the same, each report naming its casualty (sealed, a key per case)', rounded(namedThroughput), '', (namedThroughput / raw).toFixed(2), ''],
      [`latency p50 at ${OFFERED_RATE} reports/s offered`, `${percentile(latencies, 0.5).toFixed(1)} ms`, '', '', ''],
      [`latency p99 at ${OFFERED_RATE} reports/s offered`, `${percentile(latencies, 0.99).toFixed(1)} ms`, '', '', ''],
      [`${rounded(BATCH_LINES)}-line NDJSON batch`, `${batch.seconds.toFixed(1)} s (${rounded(batch.accepted)} accepted)`, '', '', ''],
      ['peak memory during the batch', `gateway ${mib(batch.gatewayPeak)}, intake ${mib(batch.intakePeak)}`, '', '', ''],
    ],
  );
} finally {
  await nats.close();
  await system.stop();
}
