import { LeaseLostError } from './errors.js';
import { elapsedMs, readLeaseKey, type LeaderLeaseOptions, type LeaseActivity } from './lease-entry.js';
import { pause } from './retry-backoff.js';

/**
 * One tenure of a leader lease, from acquisition to loss or release. It renews the key every
 * third of the lease duration, each time only if the key is still at the revision it wrote last,
 * and ends (aborting `signal` with a LeaseLostError) as soon as a renewal shows the key gone or
 * taken, or no renewal has been confirmed for a whole lease duration. That last rule needs no
 * answer from the server: the key's lifetime runs from when the server stored it, which is after
 * the moment this process sent the write, so the local deadline always comes first.
 */
export class HeldLease {
  private readonly ended = new AbortController();
  private revision: number;
  private deadline = 0;
  private deadlineTimer: NodeJS.Timeout | undefined;
  private readonly renewing: Promise<void>;

  /** `confirmedSentAt`: when the write that gave `revision` was sent (see elapsedMs). */
  constructor(
    private readonly options: LeaderLeaseOptions,
    revision: number,
    confirmedSentAt: number,
  ) {
    this.revision = revision;
    this.confirmed(confirmedSentAt);
    this.renewing = this.renewUntilEnded();
  }

  get key(): string {
    return this.options.key;
  }

  get holder(): string {
    return this.options.holder;
  }

  /** Aborted when the tenure ends; its reason is a LeaseLostError when the lease was lost. */
  get signal(): AbortSignal {
    return this.ended.signal;
  }

  get lost(): boolean {
    return this.ended.signal.reason instanceof LeaseLostError;
  }

  /** True while no other holder can have the key. */
  isHeld(): boolean {
    return !this.ended.signal.aborted && elapsedMs() < this.deadline;
  }

  /**
   * Ends the tenure and deletes the key if it is still at our revision, so that another contender
   * can take over at once rather than after the lease duration. A failed delete is reported and
   * left to the key's expiry.
   */
  async release(): Promise<void> {
    const wasHeld = !this.ended.signal.aborted;
    this.end();
    // A renewal in flight may still move the revision the delete must expect.
    await this.renewing;
    if (wasHeld) await this.deleteOwnKey('release');
  }

  private async renewUntilEnded(): Promise<void> {
    const interval = this.options.durationMs / 3;
    let wait = interval;
    for (;;) {
      await pause(wait, this.ended.signal);
      if (this.ended.signal.aborted) return;
      const sentAt = elapsedMs();
      try {
        this.revision = await this.options.kv.update(this.options.key, this.options.holder, this.revision, interval);
        if (this.ended.signal.aborted) {
          // Lost on the local deadline while this renewal was in flight: the key is ours after all,
          // but the work has stopped, so hand the key over rather than leave it to expire.
          if (this.lost) await this.deleteOwnKey('renew');
          return;
        }
        this.confirmed(sentAt);
        wait = interval;
      } catch (error) {
        if (this.ended.signal.aborted) return;
        this.report(error, 'renew');
        await this.recheckAfterFailedRenewal();
        wait = interval / 4;
      }
    }
  }

  private async recheckAfterFailedRenewal(): Promise<void> {
    try {
      const state = await readLeaseKey(this.options);
      switch (state.kind) {
        case 'ours':
          // Our previous write landed though its answer was lost; the deadline stays where the
          // last confirmed renewal put it until the next renewal is confirmed.
          this.revision = state.revision;
          return;
        case 'theirs':
          return this.lose(`${state.holder} holds it`);
        case 'deleted':
          return this.lose('the key was deleted');
        case 'expired':
          return this.lose('the key expired');
        default: {
          const unknown: never = state;
          throw new TypeError(`unknown lease key state ${JSON.stringify(unknown)}`);
        }
      }
    } catch (error) {
      // The server cannot be asked right now; the local deadline decides if this goes on too long.
      this.report(error, 'renew');
    }
  }

  private confirmed(sentAt: number): void {
    this.deadline = sentAt + this.options.durationMs;
    if (this.deadlineTimer !== undefined) clearTimeout(this.deadlineTimer);
    this.deadlineTimer = setTimeout(
      () => this.lose(`no renewal was confirmed within ${this.options.durationMs} ms`),
      Math.max(0, this.deadline - elapsedMs()),
    );
    this.deadlineTimer.unref();
  }

  private lose(reason: string): void {
    this.end(new LeaseLostError(this.options.key, this.options.holder, reason));
  }

  private end(reason?: LeaseLostError): void {
    if (this.ended.signal.aborted) return;
    if (this.deadlineTimer !== undefined) clearTimeout(this.deadlineTimer);
    this.ended.abort(reason);
  }

  private async deleteOwnKey(during: LeaseActivity): Promise<void> {
    try {
      await this.options.kv.delete(this.options.key, { previousSeq: this.revision });
    } catch (error) {
      this.report(error, during);
    }
  }

  private report(error: unknown, during: LeaseActivity): void {
    this.options.onError?.(error, during);
  }
}
