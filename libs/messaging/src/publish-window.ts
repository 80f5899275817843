import type { RecordedEvent } from '@bluehelm/event-store';
import { EndOfTurnQueue } from './end-of-turn-queue.js';

interface InFlight {
  readonly event: RecordedEvent;
  /** true once JetStream has the event, false if its publish was given up (the relay stopped). */
  readonly settled: Promise<boolean>;
  outcome: boolean | undefined;
}

/**
 * The publishes a relay has sent and not yet handed on as acknowledged, at most `size` at a time
 * and never two unacknowledged of the same stream. Waiting for each acknowledgement before the
 * next publish let a relay publish one event per turn of a busy event loop, far fewer than a
 * service appends under load; with a window, one turn's acknowledgements settle many publishes.
 *
 * Order: the publishes leave in log order on one connection, so JetStream stores them in log
 * order. A publish that fails is retried on its own while later ones of other streams may land
 * first; a stream's own events never overtake each other, since a stream has at most one publish
 * in flight. `acknowledged` hears of positions in log order, and only up to the first publish not
 * yet acknowledged, so a checkpoint made from it is never ahead of JetStream.
 */
export class PublishWindow {
  private readonly inFlight: InFlight[] = [];
  private acknowledging: Promise<void> = Promise.resolve();
  /** A relay reaches each event in a microtask of its own: the publishes of one turn leave in one write. */
  private readonly endOfTurn = new EndOfTurnQueue();

  constructor(
    private readonly size: number,
    private readonly publish: (event: RecordedEvent) => Promise<boolean>,
    private readonly acknowledged: (event: RecordedEvent) => Promise<void>,
  ) {}

  /**
   * Sends `event`'s publish once there is room for it: a free place and no publish of its stream
   * in flight. Resolves false, sending nothing, when a publish it waited for was given up.
   */
  async send(event: RecordedEvent): Promise<boolean> {
    for (;;) {
      const blocking =
        this.inFlight.find((entry) => entry.outcome === undefined && entry.event.streamName === event.streamName) ??
        (this.inFlight.length >= this.size ? this.inFlight[0] : undefined);
      if (blocking === undefined) break;
      if (!(await blocking.settled)) return false;
      await this.acknowledging;
    }
    const entry: InFlight = { event, settled: this.endOfTurn.run(() => this.publish(event)), outcome: undefined };
    this.inFlight.push(entry);
    void entry.settled.then((acked) => {
      entry.outcome = acked;
      this.acknowledgeSettledHead();
    });
    return true;
  }

  /** Waits for every publish in flight; false if one of them was given up. */
  async drain(): Promise<boolean> {
    const outcomes = await Promise.all(this.inFlight.map((entry) => entry.settled));
    await this.acknowledging;
    return outcomes.every(Boolean);
  }

  /** Hands on, in log order, every acknowledged publish not preceded by one still in flight. */
  private acknowledgeSettledHead(): void {
    while (this.inFlight[0]?.outcome === true) {
      const { event } = this.inFlight.shift() as InFlight;
      this.acknowledging = this.acknowledging.then(() => this.acknowledged(event));
    }
  }
}
