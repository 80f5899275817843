import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Spawns a process whose stdout and stderr lines are handed to `onLine(stream, line)`; by
 * default each line is written to our own stdout/stderr behind `label | `, so that the JSON
 * logs of several services stay one per line and say whose they are.
 *
 * @param {string} label
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, labelWidth?: number, detached?: boolean,
 *   onLine?: (stream: 'stdout' | 'stderr', line: string) => void }} [options]
 * @returns {import('node:child_process').ChildProcess}
 */
export function spawnPrefixed(label, command, args, { env = process.env, cwd, onLine, labelWidth = 0, detached = false } = {}) {
  const child = spawn(command, args, { env, cwd, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `${label.padEnd(labelWidth)} | `;
  const write = onLine ?? ((stream, line) => (stream === 'stderr' ? process.stderr : process.stdout).write(`${prefix}${line}\n`));
  for (const stream of ['stdout', 'stderr']) {
    createInterface({ input: child[stream], crlfDelay: Infinity }).on('line', (line) => write(stream, line));
  }
  return child;
}

/**
 * Resolves with `{ code, signal }` once the child has exited (at once if it already has).
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null }>}
 */
export function exitOf(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Asks a child to stop with SIGTERM and kills it with SIGKILL if it has not exited after
 * `graceMs`. Resolves with how it exited.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} [graceMs]
 */
export async function stopChild(child, graceMs = 15_000) {
  const exited = exitOf(child);
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
