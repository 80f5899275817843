import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { NatsConnection } from '@nats-io/transport-node';
import { connectNats, openLeaseBucket } from '../../src/index.js';
import { TEST_NATS_URL } from './jetstream-test-topology.js';

/** A lease bucket no other test run uses, on a connection of its own; `dispose()` removes both. */
export interface TestLeaseBucket {
  readonly bucket: string;
  readonly leaseDurationMs: number;
  readonly nc: NatsConnection;
  readonly kv: KV;
  /** Another connection to the same bucket, as a second process would have; closed by dispose. */
  connectAnother(name: string): Promise<{ readonly nc: NatsConnection; readonly kv: KV }>;
  dispose(): Promise<void>;
}

export async function createTestLeaseBucket(leaseDurationMs: number): Promise<TestLeaseBucket> {
  const bucket = `test_leases_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const nc = await connectNats({ url: TEST_NATS_URL, name: `${bucket}-test` });
  const kv = await openLeaseBucket(jetstream(nc), { bucket, leaseDurationMs });
  const others: NatsConnection[] = [];
  return {
    bucket,
    leaseDurationMs,
    nc,
    kv,
    async connectAnother(name) {
      const other = await connectNats({ url: TEST_NATS_URL, name: `${bucket}-${name}` });
      others.push(other);
      return { nc: other, kv: await openLeaseBucket(jetstream(other), { bucket, leaseDurationMs }) };
    },
    async dispose() {
      for (const other of others) if (!other.isClosed()) await other.close();
      const jsm = await jetstreamManager(nc);
      await jsm.streams.delete(`KV_${bucket}`).catch(() => false);
      await nc.close();
    },
  };
}

/** Resolves once `signal` aborts, or rejects after `timeoutMs`. */
export function abortedWithin(signal: AbortSignal, timeoutMs: number): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not aborted within ${timeoutMs} ms`)), timeoutMs);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
