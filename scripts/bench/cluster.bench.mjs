// npm run bench -- cluster: the scaled-out topology on one machine. Three nats-servers as one
// JetStream cluster, the postgres event store, every service with one and then two replicas:
// accepted incident reports per second through the gateways, then, under a steady load, the
// time from SIGKILL of the JetStream meta leader until reports are accepted again and until a
// new report's case opens again (the JetStream path: relay, stream, case-tracking's consumer).
import { randomUUID } from 'node:crypto';
import { startBluehelm } from '../lib/bluehelm-system.mjs';
import { runClients, sendWithRetry } from '../lib/gateway-load.mjs';
import { ALL_ACCESS_CLAIMS, bearer } from '../lib/test-tokens.mjs';
import { printTable, rounded } from './bench-table.mjs';

const THROUGHPUT_REPORTS = Number(process.env.BENCH_CLUSTER_REPORTS ?? 1_500);
const CONCURRENCY = 16;
const STEADY_CLIENTS = 4;
const KILL_AFTER_MS = 5_000;
const STEADY_MS = 30_000;
const CASE_OPEN_TIMEOUT_MS = 60_000;
const SERVICE_ENV = { NATS_REQUEST_TIMEOUT_MS: '4000' };

function report(prefix, n) {
  return {
    reportId: `${prefix}-${n}`,
    mission: 'MINUSMA',
    occurredOn: '2020-05-17',
    category: 'malicious-act',
    type: 'ied',
    detectedBeforeDetonation: false,
    location: { placeName: 'Gao region', lat: 16.27, lon: -0.04, precision: 'region' },
    narrative: 'Convoy struck by an improvised explosive device.',
    casualties: [{ personnelType: 'military', nationality: 'TCD', outcome: 'injured' }],
  };
}

/** Accepted reports per second, `CONCURRENCY` clients spread over the gateways, one attempt each. */
async function acceptedReportsPerSecond(system) {
  const prefix = `bench-${randomUUID()}`;
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  await runClients({
    clients: CONCURRENCY,
    durationMs: 600_000,
    maxIterations: THROUGHPUT_REPORTS,
    iteration: async (client) => {
      if (next >= THROUGHPUT_REPORTS) return;
      const answer = await sendWithRetry(system.gatewayUrls, client, 'POST', '/v1/incidents', report(prefix, next++), { attempts: 1, headers: authorization });
      if (answer.status === 201) accepted += 1;
    },
  });
  return { accepted, perSecond: accepted / ((performance.now() - started) / 1000) };
}

/**
 * Kills the meta leader during a steady load; answers how long after the kill the first report
 * sent after it was accepted, and how long until the case of that report could be read.
 */
async function recoveryAfterNodeLoss(system) {
  const cluster = system.natsCluster;
  const prefix = `recovery-${randomUUID()}`;
  let next = 0;
  let killedAt = Number.POSITIVE_INFINITY;
  /** @type {{ sentAt: number, at: number, caseId: string } | undefined} */
  let firstAfterKill;
  /** @type {Promise<number> | undefined} when the case of `firstAfterKill` could be read (Date.now()) */
  let caseOpened;
  const kill = (async () => {
    await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
    const leader = await cluster.waitForMetaLeader(5_000);
    killedAt = Date.now();
    await cluster.kill(cluster.nodes.findIndex((node) => node.name === leader));
    return leader;
  })();
  await runClients({
    clients: STEADY_CLIENTS,
    durationMs: STEADY_MS,
    maxIterations: 100_000,
    iteration: async (client) => {
      const sentAt = Date.now();
      const answer = await sendWithRetry(system.gatewayUrls, client, 'POST', '/v1/incidents', report(prefix, next++), {
        attempts: 1,
        timeoutMs: 5_000,
        headers: authorization,
      });
      if (answer.status === 201 && sentAt > killedAt && (!firstAfterKill || sentAt < firstAfterKill.sentAt)) {
        firstAfterKill = { sentAt, at: answer.at, caseId: answer.body.caseId };
        // Watched from now on, alongside the load: waiting for the load to end first would
        // measure the load's remaining duration instead of the case's opening.
        caseOpened = caseOpenedAt(system, answer.body.caseId);
      }
      if (answer.status !== 201) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  });
  const killedNode = await kill;
  if (!firstAfterKill) return { killedNode, acceptedMs: Number.NaN, caseOpenMs: Number.NaN };
  const { at } = firstAfterKill;
  const caseOpenMs = (await caseOpened) - killedAt;
  return { killedNode, acceptedMs: at - killedAt, caseOpenMs };
}

/**
 * Polls the gateways until the case can be read; resolves with when it first could, NaN if it
 * did not open within CASE_OPEN_TIMEOUT_MS. Polls every 100 ms, which bounds the error.
 */
async function caseOpenedAt(system, caseId) {
  const deadline = Date.now() + CASE_OPEN_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const view = await sendWithRetry(system.gatewayUrls, 0, 'GET', `/v1/cases/${caseId}`, undefined, { attempts: 1, headers: authorization });
    if (view.status === 200) return view.at;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Number.NaN;
}

const rows = [];
let recovery;
/** Every role: the benchmark measures the path, not the access rules. Set for each system. */
let authorization = {};
for (const replicas of [1, 2]) {
  const system = await startBluehelm('postgres', SERVICE_ENV, { replicas, natsCluster: true });
  authorization = await bearer(ALL_ACCESS_CLAIMS, { devKeyDir: system.devKeyDir });
  try {
    const { accepted, perSecond } = await acceptedReportsPerSecond(system);
    rows.push([`${replicas} per service`, `${accepted}/${THROUGHPUT_REPORTS}`, rounded(perSecond)]);
    if (replicas === 2) recovery = await recoveryAfterNodeLoss(system);
  } finally {
    await system.stop();
  }
}

console.log(`\nAccepted incident reports through the gateways (3-node NATS cluster, postgres store, ${CONCURRENCY} clients)\n`);
printTable(['replicas', 'accepted', 'reports/s'], rows);
if (recovery) {
  console.log(`\nRecovery after SIGKILL of the JetStream meta leader (${recovery.killedNode}), 2 replicas, ${STEADY_CLIENTS} clients\n`);
  printTable(
    ['measure', 'ms after the kill'],
    [
      ['first report sent after the kill accepted', rounded(recovery.acceptedMs)],
      ['its case opened (relay, JetStream, consumer)', rounded(recovery.caseOpenMs)],
    ],
  );
}
