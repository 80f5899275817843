/**
 * Wakes catch-up subscriptions when this process has appended, and otherwise after a short
 * poll interval, since other processes write the same file without telling us.
 */
export class SqliteAppendSignal {
  private readonly waiting = new Set<() => void>();
  /**
   * One reaction per subscription's close signal, however many times it waits: racing a
   * never-settling promise on every wait would pile up reactions for as long as it lives.
   */
  private readonly wakersByAbort = new WeakMap<Promise<void>, { aborted: boolean; wakers: Set<() => void> }>();

  constructor(private readonly pollIntervalMs: number) {}

  notifyAppended(): void {
    for (const wake of [...this.waiting]) wake();
  }

  /** Resolves on the next notification, after the poll interval, or when `abort` resolves. */
  wait(abort: Promise<void>): Promise<void> {
    const aborting = this.abortWatch(abort);
    if (aborting.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        aborting.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.pollIntervalMs);
      this.waiting.add(wake);
      aborting.wakers.add(wake);
    });
  }

  private abortWatch(abort: Promise<void>): { aborted: boolean; wakers: Set<() => void> } {
    let watch = this.wakersByAbort.get(abort);
    if (!watch) {
      const created = { aborted: false, wakers: new Set<() => void>() };
      void abort.then(() => {
        created.aborted = true;
        for (const wake of [...created.wakers]) wake();
      });
      this.wakersByAbort.set(abort, created);
      watch = created;
    }
    return watch;
  }
}
