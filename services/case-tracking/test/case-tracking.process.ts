// The built case-tracking service as a child process, with a private NATS server and a temporary
// sqlite store, for the tests that talk to it over NATS the way the gateway will.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { startNatsServer } from '../../../scripts/lib/nats-server-process.mjs';
import { spawnPrefixed, stopChild } from '../../../scripts/lib/prefixed-child.mjs';
import { waitForHttp } from '../../../scripts/lib/wait-for-http.mjs';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = resolve(REPOSITORY_ROOT, 'services/case-tracking/dist/main.js');

export interface CaseTrackingProcess {
  readonly natsUrl: string;
  /** The service's stderr lines, over every start. */
  readonly stderr: readonly string[];
  /** SIGTERM to the service; resolves with its exit code (or signal). */
  stopService(): Promise<number | string>;
  /** Starts the service again on the same store and NATS server, once it has stopped. */
  restartService(): Promise<void>;
  /** Stops whatever still runs and removes the temporary files. */
  tearDown(): Promise<void>;
}

function exitOutcome(exit: { code: number | null; signal: string | null }): number | string {
  return exit.code ?? exit.signal ?? 'unknown';
}

/**
 * Starts a nats-server with JetStream on a free port, then the service against it and a fresh
 * sqlite file, and resolves once the service says it is ready (its start-up work is done).
 */
export async function startCaseTracking(): Promise<CaseTrackingProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first with npx tsc -b services/case-tracking`);
  const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-case-tracking-'));
  const natsPort = await findFreePort();
  const nats: ChildProcess = await startNatsServer({ port: natsPort, storeDir: join(workDir, 'nats'), onLine: () => undefined });
  const natsUrl = `nats://127.0.0.1:${natsPort}`;
  const stderr: string[] = [];
  let service: ChildProcess | undefined;

  const startService = async () => {
    const port = await findFreePort();
    const child = spawnPrefixed('case-tracking', process.execPath, [MAIN], {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        EVENT_STORE_URL: `sqlite:${join(workDir, 'events.db')}`,
        NATS_URL: natsUrl,
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      onLine: (stream: 'stdout' | 'stderr', line: string) => {
        if (stream === 'stderr') stderr.push(line);
      },
    });
    service = child;
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, {
      timeoutMs: 30_000,
      giveUp: () => (child.exitCode === null ? undefined : `case-tracking exited: ${stderr.join('\n')}`),
    });
  };
  const stopService = async () => (service ? exitOutcome(await stopChild(service, 15_000)) : 'not started');
  const tearDown = async () => {
    await stopService();
    await stopChild(nats, 5_000);
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    await startService();
  } catch (error) {
    await tearDown();
    throw error;
  }
  return { natsUrl, stderr, stopService, restartService: startService, tearDown };
}
