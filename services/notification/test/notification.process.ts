// Runs the built notification service (services/notification/dist/main.js) as a real child process.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { exitOf, spawnPrefixed, stopChild } from '../../../scripts/lib/prefixed-child.mjs';
import { waitForHttp } from '../../../scripts/lib/wait-for-http.mjs';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');
const NOTIFICATION_MAIN = resolve(REPOSITORY_ROOT, 'services/notification/dist/main.js');

export interface NotificationProcess {
  readonly child: ChildProcess;
  readonly stderr: string[];
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would. */
  kill(): Promise<void>;
}

/** Starts the service with only these settings (plus PATH) and waits until it is ready. */
export async function startNotification(env: Record<string, string>): Promise<NotificationProcess> {
  if (!existsSync(NOTIFICATION_MAIN)) {
    throw new Error(`${NOTIFICATION_MAIN} is missing: build first with npx tsc -b services/notification`);
  }
  const port = await findFreePort();
  const stderr: string[] = [];
  const child = spawnPrefixed('notification', process.execPath, [NOTIFICATION_MAIN], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    onLine: (stream: 'stdout' | 'stderr', line: string) => {
      if (stream === 'stderr') stderr.push(line);
    },
  });
  await waitForHttp(`http://127.0.0.1:${port}/health/ready`, {
    timeoutMs: 30_000,
    giveUp: () => (child.exitCode === null ? undefined : `the service exited: ${stderr.join('\n')}`),
  });
  return {
    child,
    stderr,
    stop: async () => {
      await stopChild(child, 15_000);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exitOf(child);
    },
  };
}
