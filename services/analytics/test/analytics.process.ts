// The built analytics service as a child process, with a private NATS server, a temporary sqlite
// event store and a temporary read-model database, for tests that talk to it as the gateway will.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { startNatsServer } from '../../../scripts/lib/nats-server-process.mjs';
import { spawnPrefixed, stopChild } from '../../../scripts/lib/prefixed-child.mjs';
import { waitForHttp } from '../../../scripts/lib/wait-for-http.mjs';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');
const DIST = resolve(REPOSITORY_ROOT, 'services/analytics/dist');

export interface AnalyticsProcess {
  readonly natsUrl: string;
  /** `sqlite:<file>` of the event store the service follows; the test appends to it. */
  readonly eventStoreUrl: string;
  readonly stderr: readonly string[];
  /** SIGTERM to the service; resolves with its exit code (or signal). */
  stopService(): Promise<number | string>;
  startService(): Promise<void>;
  /** Runs `dist/rebuild.js <groups...>` with the service's settings; resolves with its exit code and output. */
  rebuild(groups: readonly string[]): Promise<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }>;
  tearDown(): Promise<void>;
}

export async function startAnalytics(): Promise<AnalyticsProcess> {
  for (const entry of ['main.js', 'rebuild.js']) {
    if (!existsSync(join(DIST, entry))) throw new Error(`${join(DIST, entry)} is missing: build first with npx tsc -b services/analytics`);
  }
  const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-analytics-'));
  const natsPort = await findFreePort();
  const nats: ChildProcess = await startNatsServer({ port: natsPort, storeDir: join(workDir, 'nats'), onLine: () => undefined });
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  const eventStoreUrl = `sqlite:${join(workDir, 'events.db')}`;
  const environment = {
    PATH: process.env['PATH'] ?? '',
    EVENT_STORE_URL: eventStoreUrl,
    ANALYTICS_DB_URL: `sqlite:${join(workDir, 'analytics.db')}`,
    NATS_URL: natsUrl,
    LOG_LEVEL: 'warn',
  };
  const stderr: string[] = [];
  let service: ChildProcess | undefined;

  const startService = async () => {
    const port = await findFreePort();
    const child = spawnPrefixed('analytics', process.execPath, [join(DIST, 'main.js')], {
      cwd: REPOSITORY_ROOT,
      env: { ...environment, PORT: String(port) },
      onLine: (stream: 'stdout' | 'stderr', line: string) => {
        if (stream === 'stderr') stderr.push(line);
      },
    });
    service = child;
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, {
      timeoutMs: 30_000,
      giveUp: () => (child.exitCode === null ? undefined : `analytics exited: ${stderr.join('\n')}`),
    });
  };
  const stopService = async () => (service ? exitOutcome(await stopChild(service, 15_000)) : 'not started');
  const rebuild = (groups: readonly string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [join(DIST, 'rebuild.js'), ...groups], { cwd: REPOSITORY_ROOT, env: environment });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('close', (code) => done({ code, stdout: out, stderr: err }));
    });
  const tearDown = async () => {
    await stopService();
    await stopChild(nats, 5_000);
    rmSync(workDir, { recursive: true, force: true });
  };
  return { natsUrl, eventStoreUrl, stderr, stopService, startService, rebuild, tearDown };
}

function exitOutcome(exit: { code: number | null; signal: string | null }): number | string {
  return exit.code ?? exit.signal ?? 'unknown';
}
