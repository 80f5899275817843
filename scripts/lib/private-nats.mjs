// A nats-server with JetStream of a test's own, on a free port, storing in a temp folder: the
// services answer fixed subjects and use fixed durables, so on the shared server a service from
// `npm start` or from another test run could answer in their place.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './free-port.mjs';
import { startNatsServer } from './nats-server-process.mjs';
import { stopChild } from './prefixed-child.mjs';

/**
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
export async function startPrivateNats() {
  const storeDir = mkdtempSync(join(tmpdir(), 'bluehelm-private-nats-'));
  const port = await findFreePort();
  const child = await startNatsServer({ port, storeDir, onLine: () => undefined });
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(child, 5_000);
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
