// Runs the built intake service (services/intake/dist/main.js) as a real child process.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { exitOf, spawnPrefixed, stopChild } from '../../../scripts/lib/prefixed-child.mjs';
import { waitForHttp } from '../../../scripts/lib/wait-for-http.mjs';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');
const INTAKE_MAIN = resolve(REPOSITORY_ROOT, 'services/intake/dist/main.js');

export interface IntakeProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly stdout: string[];
  readonly stderr: string[];
  /** SIGTERM, then SIGKILL after a grace period; resolves with the exit code or signal. */
  stop(): Promise<number | string>;
  /** SIGKILL at once, as a crash would; resolves once the process is gone. */
  kill(): Promise<number | string>;
}

/** Starts intake with only the given settings (plus PATH) and waits until it says it is ready. */
export async function startIntake(env: Record<string, string>): Promise<IntakeProcess> {
  if (!existsSync(INTAKE_MAIN)) throw new Error(`${INTAKE_MAIN} is missing: build first with npx tsc -b services/intake`);
  const port = await findFreePort();
  const stdout: string[] = [];
  const stderr: string[] = [];
  const child = spawnPrefixed('intake', process.execPath, [INTAKE_MAIN], {
    cwd: REPOSITORY_ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    onLine: (stream: 'stdout' | 'stderr', line: string) => (stream === 'stdout' ? stdout : stderr).push(line),
  });
  const outcome = (exit: { code: number | null; signal: string | null }) => exit.code ?? exit.signal ?? 'unknown';
  await waitForHttp(`http://127.0.0.1:${port}/health/ready`, {
    timeoutMs: 20_000,
    giveUp: () => (child.exitCode === null ? undefined : `intake exited: ${stderr.join('\n')}`),
  });
  return {
    child,
    port,
    stdout,
    stderr,
    stop: async () => outcome(await stopChild(child, 15_000)),
    kill: async () => {
      child.kill('SIGKILL');
      return outcome(await exitOf(child));
    },
  };
}
