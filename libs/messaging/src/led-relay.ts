import { AlreadyStartedError, LeaseLostError } from './errors.js';
import { EventRelay, type EventRelayOptions, type EventRelayStatus, type RelayActivity } from './event-relay.js';
import type { HeldLease } from './held-lease.js';
import { LeaderLease } from './leader-lease.js';
import { DEFAULT_LEASE_DURATION_MS, openLeaseBucket, type LeaseBucketSettings } from './lease-bucket.js';
import { leaseHolderId } from './lease-entry.js';
import { LeaseGuardedCheckpoints } from './lease-guarded-checkpoints.js';
import { relayLeaseKey } from './relay-lease-key.js';
import { pause } from './retry-backoff.js';

export interface RelayLeaseSettings extends LeaseBucketSettings {
  /** Default `relay-<category>` (several categories joined by `_`). */
  readonly key?: string;
  /** Default leaseHolderId(<relay name>). */
  readonly holder?: string;
  /** How often a follower tries to take the lease. Default a third of the lease duration, at most 1 s. */
  readonly acquireIntervalMs?: number;
}

export type LedRelayActivity = RelayActivity | 'lease';

export interface LedRelayOptions extends Omit<EventRelayOptions, 'checkpoints' | 'onError'> {
  readonly lease?: RelayLeaseSettings;
  /** Told when this process becomes the relay's leader and when it stops being it. */
  readonly onLeadershipChange?: (leading: boolean, holder: string) => void;
  readonly onError?: (error: unknown, during: LedRelayActivity) => void;
}

export interface LedRelayStatus {
  readonly leading: boolean;
  readonly holder: string;
  /** Times this process has become leader since it started. */
  readonly tenures: number;
  /** The relay of the current tenure; undefined while another replica leads. */
  readonly relay: EventRelayStatus | undefined;
}

interface Tenure {
  readonly lease: HeldLease;
  readonly relay: EventRelay;
}

/**
 * An EventRelay that every replica of a service can run, of which one relays at a time: the
 * holder of the lease `relay-<category>`. A follower tries to take the lease every
 * `acquireIntervalMs`; once it leads, it starts a relay from the shared checkpoint, and stops it
 * the moment the lease is lost. A graceful stop saves the checkpoint first and then releases the
 * lease, so the next leader starts exactly where this one ended.
 *
 * A hand-over can overlap briefly (a paused leader that has not noticed its loss yet, or a lost
 * leader's publish still in flight), and the new leader republishes what was acknowledged after
 * the last saved checkpoint. Neither duplicates an event: every publish carries
 * `Nats-Msg-Id` = event id, and JetStream drops a second copy within its duplicate window
 * (2 minutes on BLUEHELM_EVENTS), which is far longer than a lease duration plus a checkpoint
 * interval.
 */
export class LedRelay {
  readonly holder: string;
  private readonly key: string;
  private readonly durationMs: number;
  private readonly acquireIntervalMs: number;
  private lease: LeaderLease | undefined;
  private current: Tenure | undefined;
  private tenures = 0;
  private stopping = false;
  private abort = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: LedRelayOptions) {
    if (options.categories.length === 0) throw new RangeError(`relay ${options.name} follows no category`);
    this.holder = options.lease?.holder ?? leaseHolderId(options.name);
    this.key = options.lease?.key ?? relayLeaseKey(options.categories);
    this.durationMs = options.lease?.leaseDurationMs ?? DEFAULT_LEASE_DURATION_MS;
    this.acquireIntervalMs = options.lease?.acquireIntervalMs ?? Math.min(1000, this.durationMs / 3);
  }

  /**
   * Opens the lease bucket (failing if JetStream refuses it) and makes a first attempt at the
   * lease, so a lone replica is relaying when this resolves; then contends in the background.
   */
  async start(): Promise<void> {
    if (this.loop) throw new AlreadyStartedError(`led relay ${this.options.name}`);
    const kv = await openLeaseBucket(this.options.jetstream, { ...this.options.lease, leaseDurationMs: this.durationMs });
    this.lease = new LeaderLease({
      kv,
      key: this.key,
      holder: this.holder,
      durationMs: this.durationMs,
      onError: (error) => this.report(error, 'lease'),
    });
    this.stopping = false;
    this.abort = new AbortController();
    await this.leadIfFree(this.lease);
    this.loop = this.contend(this.lease);
  }

  /** Stops relaying (saving the checkpoint) and releases the lease if this process holds it. */
  async stop(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.abort.abort();
    await this.loop;
    this.loop = undefined;
  }

  status(): LedRelayStatus {
    return {
      leading: this.current?.lease.isHeld() ?? false,
      holder: this.holder,
      tenures: this.tenures,
      relay: this.current?.relay.status(),
    };
  }

  private async contend(lease: LeaderLease): Promise<void> {
    for (;;) {
      if (this.current) await this.serve(this.current);
      if (this.stopping) return;
      await pause(this.acquireIntervalMs, this.abort.signal);
      if (this.stopping) return;
      await this.leadIfFree(lease);
    }
  }

  private async leadIfFree(lease: LeaderLease): Promise<void> {
    let held: HeldLease | undefined;
    try {
      held = await lease.tryAcquire();
    } catch (error) {
      this.report(error, 'lease');
      return;
    }
    if (!held) return;
    const relay = new EventRelay({
      ...this.options,
      checkpoints: new LeaseGuardedCheckpoints(this.options.store.checkpoints, held),
      // A lost leader's last checkpoint save is refused on purpose; the loss is reported once, below.
      onError: (error, during) => {
        if (!(error instanceof LeaseLostError)) this.report(error, during);
      },
    });
    try {
      await relay.start();
    } catch (error) {
      this.report(error, 'checkpoint');
      await held.release();
      return;
    }
    this.current = { lease: held, relay };
    this.tenures += 1;
    this.options.onLeadershipChange?.(true, this.holder);
  }

  /** Until the lease is lost or the relay is asked to stop. */
  private async serve(tenure: Tenure): Promise<void> {
    await untilAborted(AbortSignal.any([tenure.lease.signal, this.abort.signal]));
    // On a loss the relay stops reading at once; its last checkpoint save is refused by the guard.
    // On a graceful stop the lease is still held, so the final checkpoint is saved before release.
    await tenure.relay.stop();
    if (tenure.lease.lost) {
      this.report(tenure.lease.signal.reason, 'lease');
    } else {
      await tenure.lease.release();
    }
    this.current = undefined;
    this.options.onLeadershipChange?.(false, this.holder);
  }

  private report(error: unknown, during: LedRelayActivity): void {
    this.options.onError?.(error, during);
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
