import type { JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { LeaseBucketMismatchError } from './errors.js';

export const DEFAULT_LEASE_BUCKET = 'bluehelm_leases';
export const DEFAULT_LEASE_DURATION_MS = 10_000;

export interface LeaseBucketSettings {
  /** Default `bluehelm_leases`. */
  readonly bucket?: string;
  /**
   * How long a lease lives without renewal: the bucket's key lifetime, so the server itself
   * forgets a holder that stopped renewing. Default 10 s.
   */
  readonly leaseDurationMs?: number;
  /** 3 in a 3-node JetStream cluster, so a lease outlives the loss of a node; default 1. */
  readonly replicas?: number;
}

/**
 * Opens the JetStream key-value bucket that holds leader leases, creating it if it is missing
 * (one value per key, keys expire after the lease duration). An existing bucket is used as it
 * is; one whose key lifetime differs from `leaseDurationMs` is refused, since holders that
 * disagree on the duration would renew too late for the server.
 */
export async function openLeaseBucket(js: JetStreamClient, settings: LeaseBucketSettings = {}): Promise<KV> {
  const bucket = settings.bucket ?? DEFAULT_LEASE_BUCKET;
  const leaseDurationMs = settings.leaseDurationMs ?? DEFAULT_LEASE_DURATION_MS;
  const kv = await new Kvm(js).create(bucket, {
    history: 1,
    ttl: leaseDurationMs,
    replicas: settings.replicas ?? 1,
  });
  const { ttl } = await kv.status();
  if (ttl !== leaseDurationMs) throw new LeaseBucketMismatchError(bucket, ttl, leaseDurationMs);
  return kv;
}
