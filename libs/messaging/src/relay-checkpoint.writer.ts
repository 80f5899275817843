import type { CheckpointStore } from '@bluehelm/event-store';

export interface CheckpointPolicy {
  /**
   * Save after this many acknowledged events at the latest. Default 1000: each save is a durable
   * write (an fsync on SQLite), and after a crash the relay only republishes what came after it,
   * which JetStream drops as duplicates.
   */
  readonly everyEvents?: number;
  /** Save an acknowledged position at most this long after its acknowledgement. Default 1000. */
  readonly everyMs?: number;
}

/**
 * Saves a relay's checkpoint in batches. It is only ever told about positions whose publish was
 * acknowledged, so whatever it saves is never ahead of JetStream; saves run one at a time so an
 * older position can never overwrite a newer one.
 */
export class RelayCheckpointWriter {
  private pendingPosition: number | undefined;
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> = Promise.resolve();
  private saved: number | undefined;
  private closed = false;

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly subscriberName: string,
    savedPosition: number | undefined,
    private readonly policy: Required<CheckpointPolicy>,
    private readonly onSaveFailed: (error: unknown) => void,
  ) {
    this.saved = savedPosition;
  }

  /** The position last written to the checkpoint store. */
  get savedPosition(): number | undefined {
    return this.saved;
  }

  /** Records that the event at `position` (and everything before it) is in JetStream. */
  async acknowledged(position: number): Promise<void> {
    this.pendingPosition = position;
    this.pendingCount += 1;
    if (this.pendingCount >= this.policy.everyEvents) {
      await this.flush();
    } else {
      this.armTimer();
    }
  }

  /** Saves the latest acknowledged position now, if it is newer than the saved one. */
  flush(): Promise<void> {
    this.clearTimer();
    this.saving = this.saving.then(() => this.saveLatest());
    return this.saving;
  }

  /** A last save; a failing one is reported and not retried. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async saveLatest(): Promise<void> {
    const position = this.pendingPosition;
    if (position === undefined || (this.saved !== undefined && position <= this.saved)) return;
    const count = this.pendingCount;
    try {
      await this.checkpoints.save(this.subscriberName, position);
      this.saved = position;
      this.pendingCount -= count;
    } catch (error) {
      this.onSaveFailed(error);
      this.armTimer();
    }
  }

  private armTimer(): void {
    if (this.timer !== undefined || this.closed) return;
    this.timer = setTimeout(() => void this.flush(), this.policy.everyMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
