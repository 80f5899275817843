// A nats-server of the test's own on a free port: the gateway's subjects are fixed, so on the
// shared server a service from `npm start` or from another test run could answer for a fake.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../../../scripts/lib/free-port.mjs';
import { startNatsServer } from '../../../../scripts/lib/nats-server-process.mjs';
import { stopChild } from '../../../../scripts/lib/prefixed-child.mjs';

export interface PrivateNats {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startPrivateNats(): Promise<PrivateNats> {
  const storeDir = mkdtempSync(join(tmpdir(), 'bluehelm-gateway-nats-'));
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
