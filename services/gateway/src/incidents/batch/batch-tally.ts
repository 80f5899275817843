import type { IncidentBatchLineResult } from '@bluehelm/contracts';

/** How many reports of a batch have been answered, and how. */
export interface BatchCounts {
  readonly lines: number;
  readonly accepted: number;
  readonly alreadyAccepted: number;
  readonly rejected: number;
}

export class BatchTally {
  private lines = 0;
  private accepted = 0;
  private alreadyAccepted = 0;
  private rejected = 0;

  count(result: IncidentBatchLineResult): void {
    this.lines += 1;
    const status = result.status;
    switch (status) {
      case 'accepted':
        this.accepted += 1;
        return;
      case 'already-accepted':
        this.alreadyAccepted += 1;
        return;
      case 'rejected':
        this.rejected += 1;
        return;
      default: {
        const unexpected: never = status;
        throw new Error(`unknown batch line status ${String(unexpected)}`);
      }
    }
  }

  get counts(): BatchCounts {
    return { lines: this.lines, accepted: this.accepted, alreadyAccepted: this.alreadyAccepted, rejected: this.rejected };
  }
}
