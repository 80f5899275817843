// The service answers fixed subjects and uses the fixed durable `notification`, so each test
// run gets a nats-server with JetStream of its own, on a free port, storing in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../../scripts/lib/free-port.mjs';
import { startNatsServer } from '../../../scripts/lib/nats-server-process.mjs';
import { stopChild } from '../../../scripts/lib/prefixed-child.mjs';

export interface PrivateNatsServer {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startPrivateNatsServer(): Promise<PrivateNatsServer> {
  const storeDir = mkdtempSync(join(tmpdir(), 'bluehelm-notification-nats-'));
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
