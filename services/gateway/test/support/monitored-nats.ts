// A private nats-server (as private-nats.ts) that also serves its monitoring pages, so that a
// test can see which subscriptions the gateway holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from '../../../../scripts/lib/find-binary.mjs';
import { findFreePort } from '../../../../scripts/lib/free-port.mjs';
import { spawnPrefixed, stopChild } from '../../../../scripts/lib/prefixed-child.mjs';
import type { startPrivateNats } from '../../../../scripts/lib/private-nats.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

export interface MonitoredNats extends PrivateNats {
  /** How many subscriptions, over all connections, are on exactly `subject`. */
  subscriptionsOn(subject: string): Promise<number>;
}

interface Connz {
  readonly connections?: readonly { readonly subscriptions_list?: readonly string[] }[];
}

export async function startMonitoredNats(): Promise<MonitoredNats> {
  const binary = findBinary('nats-server');
  if (binary === undefined) throw new Error('nats-server is not installed');
  const storeDir = mkdtempSync(join(tmpdir(), 'bluehelm-gateway-nats-'));
  const [port, monitorPort] = [await findFreePort(), await findFreePort()];
  const child = spawnPrefixed(
    'nats',
    binary,
    ['-js', '-a', '127.0.0.1', '-p', String(port), '-m', String(monitorPort), '-sd', storeDir],
    { onLine: () => undefined, detached: true },
  );
  const monitor = `http://127.0.0.1:${monitorPort}`;
  await untilHealthy(monitor, () => child.exitCode !== null);
  return {
    url: `nats://127.0.0.1:${port}`,
    // Anyone may publish and subscribe: this server has no users.
    permissions: undefined,
    subscriptionsOn: async (subject) => {
      const connz = (await (await fetch(`${monitor}/connz?subs=1`)).json()) as Connz;
      return (connz.connections ?? []).flatMap((connection) => connection.subscriptions_list ?? []).filter((name) => name === subject).length;
    },
    stop: async () => {
      await stopChild(child, 5_000);
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}

async function untilHealthy(monitor: string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('nats-server exited before it was ready');
    try {
      if ((await fetch(`${monitor}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('nats-server did not become healthy within 10 s');
}
