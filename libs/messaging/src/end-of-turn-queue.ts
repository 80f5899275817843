/**
 * Runs what was asked for during one turn of the event loop together, in the loop's check phase
 * (setImmediate), in the order it was asked for.
 *
 * The NATS client writes what was published as soon as the current task's microtasks are done.
 * A server handles each incoming request or event in a task of its own, so messages sent one by
 * one cost a socket write each, and a wake-up of nats-server and of the receiver each. Sent from
 * one task, the messages of a turn leave in one write.
 */
export class EndOfTurnQueue {
  private queued: (() => void)[] = [];

  /** `send` runs at the end of this turn; its outcome is the returned promise's. */
  run<T>(send: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queued.length === 0) setImmediate(() => this.sendQueued());
      this.queued.push(() => {
        try {
          send().then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  private sendQueued(): void {
    const queued = this.queued;
    this.queued = [];
    for (const send of queued) send();
  }
}
