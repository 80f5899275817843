// Starts the whole system as real processes, for end-to-end tests and benchmarks: a private
// nats-server on a free port (the services' subjects are fixed, so a shared server would let
// other runs answer), or a private 3-node NATS cluster, each with the production users and
// subject permissions (deploy/nats), the five services from their dist on free ports (one
// process each, or several replicas) with their own NATS credentials, one event store for all.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { issueDevelopmentToken, writeDevelopmentTokens } from '../../libs/access/dist/index.js';
import { findFreePort } from './free-port.mjs';
import { POSTGRES_URL } from './postgres-test-schema.mjs';
import { startNatsCluster } from './nats-cluster.mjs';
import { writeNatsPermissionsConfig } from './nats-permissions-config.mjs';
import { startNatsServer } from './nats-server-process.mjs';
import { exitOf, spawnPrefixed, stopChild } from './prefixed-child.mjs';
import { waitForHttp } from './wait-for-http.mjs';

export const SERVICES = /** @type {const} */ (['intake', 'case-tracking', 'analytics', 'notification', 'gateway']);
const ROOT = resolve(import.meta.dirname, '../..');

/**
 * @typedef {(typeof SERVICES)[number]} Service
 * @typedef {{ child: import('node:child_process').ChildProcess, port: number, stdout: string[], stderr: string[] }} RunningService
 * @typedef {{
 *   baseUrl: string, gatewayUrls: string[], natsUrl: string, eventStoreUrl: string, workDir: string,
 *   processes: Map<Service, RunningService>,
 *   replicas: Map<Service, RunningService[]>,
 *   natsCluster: import('./nats-cluster.mjs').NatsCluster | undefined,
 *   devKeyDir: string,
 *   natsCredentials: Record<string, { NATS_USER: string, NATS_PASSWORD: string }>,
 *   natsAdmin: { user: string, pass: string },
 *   tokens: Record<'reporter' | 'case-officer' | 'analyst' | 'auditor' | 'member-state' | 'admin', string>,
 *   issueToken(claims: import('../../libs/access/dist/index.js').DevelopmentClaims,
 *     options?: import('../../libs/access/dist/index.js').DevelopmentTokenOptions): Promise<string>,
 *   kill(service: Service, replica?: number): Promise<void>,
 *   restart(service: Service, replica?: number): Promise<void>,
 *   peakMemoryBytes(service: Service): number,
 *   stop(): Promise<void>,
 * }} BluehelmSystem
 */

/**
 * @param {'sqlite' | 'postgres'} store
 * @param {Record<string, string>} [extraEnv]
 * @param {{ only?: readonly Service[], replicas?: number, natsCluster?: boolean }} [options]
 *   `only`: start only these services (a benchmark of one path); the gateway then counts as ready
 *   on its own readiness probe, not on /v1/health. `replicas`: processes per service (default 1);
 *   with more than one on postgres, analytics and notification share a database schema each, as
 *   replicas in production do. `natsCluster`: three nats-servers as one JetStream cluster, the
 *   services given all three and told to keep three copies of their streams.
 * @returns {Promise<BluehelmSystem>}
 */
export async function startBluehelm(store, extraEnv = {}, { only, replicas = 1, natsCluster = false } = {}) {
  const started = only ?? SERVICES;
  const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-system-'));
  // The services find the development signing key where npm start keeps it: ./data/dev-auth.
  const devKeyDir = join(workDir, 'data', 'dev-auth');
  const tokens = await writeDevelopmentTokens(join(workDir, 'data'), devKeyDir);
  const permissions = await writeNatsPermissionsConfig(workDir);
  const nats = natsCluster
    ? await startNatsCluster({ configFile: permissions.configFile })
    : await startSingleNats(join(workDir, 'nats'), permissions.configFile);
  const natsUrl = nats.url;
  const schema = `sys_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const schemas = [schema];
  const eventStoreUrl = store === 'sqlite' ? `sqlite:${join(workDir, 'events.db')}` : `${POSTGRES_URL}?schema=${schema}`;
  /** @type {Record<string, string>} */
  const sharedEnv = { NATS_URL: natsUrl, EVENT_STORE_URL: eventStoreUrl };
  if (natsCluster) sharedEnv.JETSTREAM_REPLICAS = '3';
  if (replicas > 1 && store === 'postgres') {
    schemas.push(`${schema}_analytics`, `${schema}_notification`);
    sharedEnv.ANALYTICS_DB_URL = `${POSTGRES_URL}?schema=${schema}_analytics`;
    sharedEnv.NOTIFICATION_DB_URL = `${POSTGRES_URL}?schema=${schema}_notification`;
  }
  /** @type {Map<Service, number[]>} */
  const ports = new Map();
  for (const service of SERVICES) {
    const servicePorts = [];
    for (let replica = 0; replica < replicas; replica++) servicePorts.push(await findFreePort());
    ports.set(service, servicePorts);
  }
  /** @type {Map<Service, RunningService>} */
  const processes = new Map();
  /** @type {Map<Service, RunningService[]>} */
  const replicaSets = new Map();

  /** @param {Service} service @param {number} [replica] */
  const launch = async (service, replica = 0) => {
    const port = /** @type {number[]} */ (ports.get(service))[replica];
    const stdout = [];
    const stderr = [];
    const label = replicas > 1 ? `${service}-${replica + 1}` : service;
    const child = spawnPrefixed(label, process.execPath, [join(ROOT, 'services', service, 'dist', 'main.js')], {
      cwd: workDir,
      env: {
        PATH: process.env.PATH ?? '',
        ...sharedEnv,
        ...permissions.credentials[service],
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      onLine: (stream, line) => (stream === 'stdout' ? stdout : stderr).push(line),
    });
    const running = { child, port, stdout, stderr };
    if (replica === 0) processes.set(service, running);
    const set = replicaSets.get(service) ?? [];
    set[replica] = running;
    replicaSets.set(service, set);
    const readiness = service === 'gateway' && !only ? '/v1/health' : '/health/ready';
    await waitForHttp(`http://127.0.0.1:${port}${readiness}`, {
      timeoutMs: 30_000 * replicas,
      giveUp: () => (child.exitCode === null && child.signalCode === null ? undefined : `${label} exited: ${stderr.join('\n')}`),
    });
  };

  /** @type {BluehelmSystem} */
  const system = {
    baseUrl: `http://127.0.0.1:${ports.get('gateway')?.[0]}`,
    gatewayUrls: (ports.get('gateway') ?? []).map((port) => `http://127.0.0.1:${port}`),
    natsUrl,
    eventStoreUrl,
    workDir,
    processes,
    replicas: replicaSets,
    natsCluster: natsCluster ? /** @type {import('./nats-cluster.mjs').NatsCluster} */ (nats) : undefined,
    devKeyDir,
    natsCredentials: permissions.credentials,
    natsAdmin: permissions.admin,
    tokens,
    issueToken: (claims, options) => issueDevelopmentToken(devKeyDir, claims, options),
    async kill(service, replica = 0) {
      const running = replicaSets.get(service)?.[replica];
      if (!running) return;
      running.child.kill('SIGKILL');
      await exitOf(running.child);
    },
    restart: launch,
    peakMemoryBytes(service) {
      const pid = processes.get(service)?.child.pid;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      return kib * 1024;
    },
    async stop() {
      const all = [...replicaSets.values()].flat();
      await Promise.all(all.map(({ child }) => stopChild(child, 15_000).catch(() => undefined)));
      await nats.stop().catch(() => undefined);
      if (store === 'postgres') await dropSchemas(schemas);
      rmSync(workDir, { recursive: true, force: true });
    },
  };

  try {
    // Writers first: the gateway is ready only when every service answers. One replica of each
    // at a time, so that a small machine is not asked to start every process at once.
    for (let replica = 0; replica < replicas; replica++) {
      await Promise.all(started.filter((service) => service !== 'gateway').map((service) => launch(service, replica)));
    }
    if (started.includes('gateway')) {
      for (let replica = 0; replica < replicas; replica++) await launch('gateway', replica);
    }
    return system;
  } catch (error) {
    await system.stop();
    throw error;
  }
}

/** @param {string} storeDir @param {string} configFile @returns {Promise<{ url: string, stop(): Promise<unknown> }>} */
async function startSingleNats(storeDir, configFile) {
  const port = await findFreePort();
  const child = await startNatsServer({ port, storeDir, configFile, onLine: () => undefined });
  return { url: `nats://127.0.0.1:${port}`, stop: () => stopChild(child, 5_000) };
}

/** @param {readonly string[]} schemas */
async function dropSchemas(schemas) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
