import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JetStreamApiCodes, JetStreamApiError } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';

export interface LeaderLeaseOptions {
  /** The lease bucket (see openLeaseBucket). */
  readonly kv: KV;
  /** One key per led activity, such as `relay-incident`. */
  readonly key: string;
  /** Unique to this process and this contender: see leaseHolderId. */
  readonly holder: string;
  /** The bucket's key lifetime: the server forgets a holder this long after its last renewal. */
  readonly durationMs: number;
  /** Told about every failed lease operation, including the ones that are simply retried. */
  readonly onError?: (error: unknown, during: LeaseActivity) => void;
}

export type LeaseActivity = 'acquire' | 'renew' | 'release';

/**
 * A holder id an operator can trace to a process (`intake-relay@host-1:4312:9f2c1ab0`); the random
 * part keeps two contenders in one process, or a restarted process with a reused pid, apart.
 */
export function leaseHolderId(service: string): string {
  return `${service}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** The key was written since the expected revision, or holds a value where none was expected. */
export function isKeyTakenError(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (error.code === JetStreamApiCodes.StreamWrongLastSequence ||
      error.code === JetStreamApiCodes.StreamWrongLastSequenceUnknown)
  );
}

export type LeaseKeyState =
  | { readonly kind: 'ours'; readonly revision: number }
  | { readonly kind: 'theirs'; readonly holder: string }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'expired' };

/**
 * Who the key names now. A write of ours whose answer was lost (a timeout while a cluster node
 * goes away) may still have landed: then the key is `ours`, at a revision we did not learn.
 */
export async function readLeaseKey(options: LeaderLeaseOptions): Promise<LeaseKeyState> {
  const entry = await options.kv.get(options.key);
  if (entry === null) return { kind: 'expired' };
  switch (entry.operation) {
    case 'DEL':
    case 'PURGE':
      return { kind: 'deleted' };
    case 'PUT': {
      const holder = entry.string();
      return holder === options.holder ? { kind: 'ours', revision: entry.revision } : { kind: 'theirs', holder };
    }
    default: {
      const unknown: never = entry.operation;
      throw new TypeError(`unknown key-value operation ${String(unknown)}`);
    }
  }
}

/** A local, monotonic clock: leases are measured in elapsed time, never against wall clocks. */
export function elapsedMs(): number {
  return performance.now();
}
