// Starts the whole system as real processes, for end-to-end tests and benchmarks: a private
// nats-server on a free port (the services' subjects are fixed, so a shared server would let
// other runs answer), the five services from their dist on free ports, one event store for all.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { findFreePort } from './free-port.mjs';
import { startNatsServer } from './nats-server-process.mjs';
import { exitOf, spawnPrefixed, stopChild } from './prefixed-child.mjs';
import { waitForHttp } from './wait-for-http.mjs';

export const SERVICES = /** @type {const} */ (['intake', 'case-tracking', 'analytics', 'notification', 'gateway']);
const ROOT = resolve(import.meta.dirname, '../..');
const POSTGRES_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * @typedef {(typeof SERVICES)[number]} Service
 * @typedef {{ child: import('node:child_process').ChildProcess, port: number, stdout: string[], stderr: string[] }} RunningService
 * @typedef {{
 *   baseUrl: string, natsUrl: string, eventStoreUrl: string, workDir: string,
 *   processes: Map<Service, RunningService>,
 *   kill(service: Service): Promise<void>,
 *   restart(service: Service): Promise<void>,
 *   peakMemoryBytes(service: Service): number,
 *   stop(): Promise<void>,
 * }} BluehelmSystem
 */

/**
 * @param {'sqlite' | 'postgres'} store
 * @param {Record<string, string>} [extraEnv]
 * @param {{ only?: readonly Service[] }} [options] start only these services (a benchmark of one
 *   path); the gateway then counts as ready on its own readiness probe, not on /v1/health.
 * @returns {Promise<BluehelmSystem>}
 */
export async function startBluehelm(store, extraEnv = {}, { only } = {}) {
  const started = only ?? SERVICES;
  const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-system-'));
  const natsPort = await findFreePort();
  const nats = await startNatsServer({ port: natsPort, storeDir: join(workDir, 'nats'), onLine: () => undefined });
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  const schema = `sys_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const eventStoreUrl = store === 'sqlite' ? `sqlite:${join(workDir, 'events.db')}` : `${POSTGRES_URL}?schema=${schema}`;
  /** @type {Map<Service, number>} */
  const ports = new Map();
  for (const service of SERVICES) ports.set(service, await findFreePort());
  /** @type {Map<Service, RunningService>} */
  const processes = new Map();

  /** @param {Service} service */
  const launch = async (service) => {
    const port = /** @type {number} */ (ports.get(service));
    const stdout = [];
    const stderr = [];
    const child = spawnPrefixed(service, process.execPath, [join(ROOT, 'services', service, 'dist', 'main.js')], {
      cwd: workDir,
      env: {
        PATH: process.env.PATH ?? '',
        NATS_URL: natsUrl,
        EVENT_STORE_URL: eventStoreUrl,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        ...extraEnv,
      },
      onLine: (stream, line) => (stream === 'stdout' ? stdout : stderr).push(line),
    });
    processes.set(service, { child, port, stdout, stderr });
    const readiness = service === 'gateway' && !only ? '/v1/health' : '/health/ready';
    await waitForHttp(`http://127.0.0.1:${port}${readiness}`, {
      timeoutMs: 30_000,
      giveUp: () => (child.exitCode === null && child.signalCode === null ? undefined : `${service} exited: ${stderr.join('\n')}`),
    });
  };

  /** @type {BluehelmSystem} */
  const system = {
    baseUrl: `http://127.0.0.1:${ports.get('gateway')}`,
    natsUrl,
    eventStoreUrl,
    workDir,
    processes,
    async kill(service) {
      const running = processes.get(service);
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
      await Promise.all([...processes.values()].map(({ child }) => stopChild(child, 15_000).catch(() => undefined)));
      await stopChild(nats, 5_000).catch(() => undefined);
      if (store === 'postgres') await dropSchema(schema);
      rmSync(workDir, { recursive: true, force: true });
    },
  };

  try {
    // Writers first: the gateway is ready only when every service answers.
    await Promise.all(started.filter((service) => service !== 'gateway').map(launch));
    if (started.includes('gateway')) await launch('gateway');
    return system;
  } catch (error) {
    await system.stop();
    throw error;
  }
}

/** @param {string} schema */
async function dropSchema(schema) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
