import { HeldLease } from './held-lease.js';
import { elapsedMs, isKeyTakenError, readLeaseKey, type LeaderLeaseOptions } from './lease-entry.js';

/**
 * Leadership through a JetStream key-value lease: whoever creates the key holds the lease, keeps
 * it by updating the key at the revision it last wrote, and the server expires the key when the
 * holder stops renewing. JetStream's per-key compare-and-set gives the one-winner guarantee; no
 * election of our own is layered on top.
 */
export class LeaderLease {
  constructor(private readonly options: LeaderLeaseOptions) {}

  get key(): string {
    return this.options.key;
  }

  get holder(): string {
    return this.options.holder;
  }

  /**
   * The lease if the key was free, or undefined while another holder has it. Failures to reach
   * the server are thrown; the caller tries again later.
   */
  async tryAcquire(): Promise<HeldLease | undefined> {
    const sentAt = elapsedMs();
    try {
      const revision = await this.options.kv.create(this.options.key, this.options.holder);
      return new HeldLease(this.options, revision, sentAt);
    } catch (error) {
      if (!isKeyTakenError(error)) throw error;
    }
    return this.reclaimOwnKey();
  }

  /** An earlier create of ours may have landed after its answer was lost: confirm it by renewing. */
  private async reclaimOwnKey(): Promise<HeldLease | undefined> {
    const state = await readLeaseKey(this.options);
    if (state.kind !== 'ours') return undefined;
    const sentAt = elapsedMs();
    try {
      const revision = await this.options.kv.update(this.options.key, this.options.holder, state.revision);
      return new HeldLease(this.options, revision, sentAt);
    } catch (error) {
      if (isKeyTakenError(error)) return undefined;
      throw error;
    }
  }
}
