// A nats-server with JetStream of this test's own, on a free port: the intake subjects are fixed,
// so on the shared server another run's intake could answer instead of the one under test.
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
  const storeDir = mkdtempSync(join(tmpdir(), 'bluehelm-intake-nats-'));
  const port = await findFreePort();
  const server = await startNatsServer({ port, storeDir, onLine: () => undefined });
  return {
    url: `nats://127.0.0.1:${port}`,
    stop: async () => {
      await stopChild(server, 5_000);
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
