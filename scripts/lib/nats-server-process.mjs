import { mkdirSync } from 'node:fs';
import { answers } from './ensure-test-servers.mjs';
import { findBinary } from './find-binary.mjs';
import { exitOf, spawnPrefixed } from './prefixed-child.mjs';

/** No nats-server binary was found in PATH or the usual system folders. */
export class NatsServerNotInstalledError extends Error {
  name = 'NatsServerNotInstalledError';
  constructor() {
    super('nats-server is not installed: install the Debian package "nats-server" (apt-get install nats-server), or set NATS_URL to a running NATS server');
  }
}

/**
 * Starts `nats-server` with JetStream on host:port, storing under `storeDir`, as a child of
 * this process (in its own process group, so that Ctrl-C reaches it only through us and it
 * outlives the services while they drain). Resolves once it accepts connections.
 *
 * `configFile` is read first (`-c`), e.g. the users and permissions of
 * nats-permissions-config.mjs; host, port, JetStream and its store still come from the options.
 * `env` is the server's environment, where a configuration's `$VARIABLE`s are read from.
 *
 * @param {{ host?: string, port: number, storeDir: string, configFile?: string, env?: NodeJS.ProcessEnv,
 *   label?: string, labelWidth?: number, onLine?: (stream: 'stdout' | 'stderr', line: string) => void,
 *   timeoutMs?: number }} options
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
export async function startNatsServer({ host = '127.0.0.1', port, storeDir, configFile, env, label = 'nats', labelWidth, onLine, timeoutMs = 10_000 }) {
  const binary = findBinary('nats-server');
  if (!binary) throw new NatsServerNotInstalledError();
  mkdirSync(storeDir, { recursive: true });
  const config = configFile === undefined ? [] : ['-c', configFile];
  const child = spawnPrefixed(label, binary, [...config, '-js', '-a', host, '-p', String(port), '-sd', storeDir], {
    labelWidth,
    onLine,
    detached: true,
    ...(env !== undefined && { env }),
  });
  let exited;
  void exitOf(child).then((exit) => (exited = exit));
  const deadline = Date.now() + timeoutMs;
  while (!(await answers(host, port, 500))) {
    if (exited) throw new Error(`nats-server exited (code ${exited.code ?? exited.signal}) before answering on ${host}:${port}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nats-server did not answer on ${host}:${port} within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}
