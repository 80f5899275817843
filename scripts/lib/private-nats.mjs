// A nats-server with JetStream of a test's own, on a free port, storing in a temp folder: the
// services answer fixed subjects and use fixed durables, so on the shared server a service from
// `npm start` or from another test run could answer in their place.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.mjs';
import { writeNatsPermissionsConfig } from './nats-permissions-config.mjs';
import { startNatsServer } from './nats-server-process.mjs';
import { stopChild } from './prefixed-child.mjs';

/**
 * `withPermissions`: the server has the deployment's users and permissions
 * (nats-permissions-config.mjs), and `permissions` holds each user's credentials. `onLine`
 * receives the server's log lines (permission violations among them); by default they are dropped.
 *
 * @param {{ withPermissions?: boolean, onLine?: (stream: 'stdout' | 'stderr', line: string) => void }} [options]
 * @returns {Promise<{ url: string, stop(): Promise<void>,
 *   permissions: import('./nats-permissions-config.mjs').NatsPermissionsConfig | undefined }>}
 */
export async function startPrivateNats({ withPermissions = false, onLine = () => undefined } = {}) {
  const workDir = mkdtempSync(join(tmpdir(), 'bluehelm-private-nats-'));
  try {
    const permissions = withPermissions ? await writeNatsPermissionsConfig(workDir) : undefined;
    const port = await findFreePort();
    const child = await startNatsServer({
      port,
      storeDir: join(workDir, 'jetstream'),
      onLine,
      ...(permissions !== undefined && { configFile: permissions.configFile }),
    });
    return {
      url: `nats://127.0.0.1:${port}`,
      permissions,
      stop: async () => {
        await stopChild(child, 5_000);
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}
