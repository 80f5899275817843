// Runs a built service (services/<name>/dist/main.js) as a real child process for tests.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { exitOf, spawnPrefixed, stopChild } from '../../../scripts/lib/prefixed-child.mjs';
import { waitForHttp } from '../../../scripts/lib/wait-for-http.mjs';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly stdout: string[];
  readonly stderr: string[];
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited(): Promise<number | string>;
  /** SIGTERM, then SIGKILL after a grace period; resolves with the exit code or signal. */
  stop(): Promise<number | string>;
}

export function mainOf(service: string): string {
  const main = resolve(REPOSITORY_ROOT, 'services', service, 'dist', 'main.js');
  if (!existsSync(main)) {
    throw new Error(`${main} is missing: build first with npx tsc -b tsconfig.build.json`);
  }
  return main;
}

export function startServiceProcess(service: string, env: Record<string, string>): ServiceProcess {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const child = spawnPrefixed(service, process.execPath, [mainOf(service)], {
    cwd: REPOSITORY_ROOT,
    // Only what the test names, plus PATH: a developer's own settings must not leak in.
    env: { PATH: process.env['PATH'] ?? '', ...env },
    onLine: (stream: 'stdout' | 'stderr', line: string) => (stream === 'stdout' ? stdout : stderr).push(line),
  });
  const outcome = (exit: { code: number | null; signal: string | null }) => exit.code ?? exit.signal ?? 'unknown';
  return {
    name: service,
    child,
    stdout,
    stderr,
    exited: async () => outcome(await exitOf(child)),
    stop: async () => outcome(await stopChild(child, 15_000)),
  };
}

/** Waits until the service's readiness probe says ready; fails early if the process exits. */
export async function untilReady(service: ServiceProcess, port: number): Promise<void> {
  await waitForHttp(`http://127.0.0.1:${port}/health/ready`, {
    timeoutMs: 20_000,
    giveUp: () =>
      service.child.exitCode === null ? undefined : `${service.name} exited: ${service.stderr.join('\n')}`,
  });
}
