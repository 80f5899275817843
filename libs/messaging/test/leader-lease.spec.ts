import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { jetstream } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import {
  LeaderLease,
  LeaseBucketMismatchError,
  LeaseLostError,
  leaseHolderId,
  openLeaseBucket,
  type HeldLease,
} from '../src/index.js';
import { abortedWithin, createTestLeaseBucket, type TestLeaseBucket } from './support/lease-test-bucket.js';

const DURATION_MS = 1500;
const KEY = 'relay-incident';

describe('LeaderLease', () => {
  let leases: TestLeaseBucket;
  const tenures: HeldLease[] = [];

  beforeEach(async () => {
    leases = await createTestLeaseBucket(DURATION_MS);
  });

  afterEach(async () => {
    for (const tenure of tenures.splice(0)) await tenure.release();
    await leases.dispose();
  });

  function contender(name: string, kv: KV = leases.kv): LeaderLease {
    return new LeaderLease({ kv, key: KEY, holder: leaseHolderId(name), durationMs: DURATION_MS });
  }

  async function acquired(lease: LeaderLease): Promise<HeldLease> {
    const tenure = await lease.tryAcquire();
    if (!tenure) throw new Error(`${lease.holder} did not get the lease`);
    tenures.push(tenure);
    return tenure;
  }

  async function holderOnServer(): Promise<string | undefined> {
    const entry = await leases.kv.get(KEY);
    return entry?.operation === 'PUT' ? entry.string() : undefined;
  }

  it('grants the lease to exactly one of two contenders, and keeps it there across renewals', async () => {
    const [a, b] = [contender('a'), contender('b')];
    const results = await Promise.all([a.tryAcquire(), b.tryAcquire()]);
    const granted = results.filter((tenure): tenure is HeldLease => tenure !== undefined);
    tenures.push(...granted);
    expect(granted).toHaveLength(1);
    const winner = granted[0]!;
    const loser = winner.holder === a.holder ? b : a;

    // Two whole lease durations: only renewals can have kept it.
    await sleep(DURATION_MS * 2);
    expect(winner.isHeld()).toBe(true);
    expect(await loser.tryAcquire()).toBeUndefined();
    expect(await holderOnServer()).toBe(winner.holder);
  }, 15_000);

  it('never has two holders at once while contenders keep taking and releasing it', async () => {
    const contenders = ['a', 'b', 'c', 'd'].map((name) => contender(name));
    const held = new Set<HeldLease>();
    let takes = 0;
    let mostAtOnce = 0;
    const until = Date.now() + 3000;
    const sampler = setInterval(() => {
      mostAtOnce = Math.max(mostAtOnce, [...held].filter((tenure) => tenure.isHeld()).length);
    }, 5);
    await Promise.all(
      contenders.map(async (lease) => {
        while (Date.now() < until) {
          const tenure = await lease.tryAcquire();
          if (tenure) {
            takes += 1;
            held.add(tenure);
            await sleep(50 + Math.random() * 150);
            held.delete(tenure);
            await tenure.release();
          }
          await sleep(10 + Math.random() * 20);
        }
      }),
    );
    clearInterval(sampler);
    expect(takes).toBeGreaterThan(4);
    expect(mostAtOnce).toBe(1);
  }, 15_000);

  it('lets another contender take over at once when the leader releases the lease', async () => {
    const leader = await acquired(contender('leader'));
    const follower = contender('follower');
    expect(await follower.tryAcquire()).toBeUndefined();

    await leader.release();
    expect(leader.signal.aborted).toBe(true);
    expect(leader.lost).toBe(false);
    const successor = await acquired(follower);
    expect(successor.isHeld()).toBe(true);
    expect(await holderOnServer()).toBe(follower.holder);
  });

  it('hands the lease to another contender once a crashed leader’s key has expired, and not before', async () => {
    const crashing = await leases.connectAnother('crashing');
    const leader = await acquired(contender('crashing', crashing.kv));
    const follower = contender('follower');
    // The crash: no more renewals, and no release.
    await crashing.nc.close();
    const crashedAt = Date.now();

    let successor: HeldLease | undefined;
    while (!successor && Date.now() - crashedAt < DURATION_MS * 3) {
      successor = await follower.tryAcquire();
      if (!successor) await sleep(50);
    }
    expect(successor).toBeDefined();
    tenures.push(successor!);
    const takeoverMs = Date.now() - crashedAt;
    // The last renewal came at most a third of the duration before the crash.
    expect(takeoverMs).toBeGreaterThanOrEqual((DURATION_MS * 2) / 3 - 100);
    expect(takeoverMs).toBeLessThanOrEqual(DURATION_MS + 1000);
    // The crashed leader had given up by its own clock before anyone else could lead.
    expect(leader.isHeld()).toBe(false);
    expect(leader.signal.reason).toBeInstanceOf(LeaseLostError);
  }, 15_000);

  it('ends the tenure when the key is deleted behind the leader’s back', async () => {
    const leader = await acquired(contender('leader'));
    await leases.kv.delete(KEY);

    await abortedWithin(leader.signal, DURATION_MS);
    expect(leader.lost).toBe(true);
    expect(leader.isHeld()).toBe(false);
    expect((leader.signal.reason as Error).message).toMatch(/the key was deleted/);
  });

  it('ends the tenure when another holder overwrites the key, and leaves that holder’s key alone', async () => {
    const leader = await acquired(contender('leader'));
    await leases.kv.put(KEY, 'intruder');

    await abortedWithin(leader.signal, DURATION_MS);
    expect(leader.lost).toBe(true);
    expect((leader.signal.reason as Error).message).toMatch(/intruder holds it/);
    await leader.release();
    expect(await holderOnServer()).toBe('intruder');
  });

  it('takes back its own key when the answer to its create was lost', async () => {
    const lease = contender('unlucky');
    // What the server holds when a create landed but its acknowledgement never arrived.
    const landed = await leases.kv.create(KEY, lease.holder);

    const tenure = await acquired(lease);
    expect(tenure.isHeld()).toBe(true);
    expect((await leases.kv.get(KEY))!.revision).toBeGreaterThan(landed);
  });

  it('refuses a bucket whose key lifetime differs from the lease duration', async () => {
    await expect(
      openLeaseBucket(jetstream(leases.nc), { bucket: leases.bucket, leaseDurationMs: DURATION_MS * 2 }),
    ).rejects.toBeInstanceOf(LeaseBucketMismatchError);
  });
});
