import type { CheckpointStore } from '@bluehelm/event-store';
import { LeaseLostError } from './errors.js';
import type { HeldLease } from './held-lease.js';

/**
 * A relay's checkpoint store that saves only while the relay's lease is held. A leader that has
 * lost its lease has been replaced by one that may already be further on; saving its older
 * position would move the shared checkpoint back.
 */
export class LeaseGuardedCheckpoints implements CheckpointStore {
  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly tenure: HeldLease,
  ) {}

  load(subscriberName: string): Promise<number | undefined> {
    return this.checkpoints.load(subscriberName);
  }

  async save(subscriberName: string, position: number): Promise<void> {
    if (!this.tenure.isHeld()) {
      throw new LeaseLostError(this.tenure.key, this.tenure.holder, `checkpoint ${position} of ${subscriberName} not saved`);
    }
    await this.checkpoints.save(subscriberName, position);
  }
}
