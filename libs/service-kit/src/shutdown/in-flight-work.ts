/**
 * Counts the work a service has accepted but not finished (requests being handled, appends
 * being written), so that shutdown can wait for it instead of cutting an append in half.
 * Command handlers wrap their appends in `run`; HTTP requests and NATS messages are counted by
 * the kit itself.
 */
export class InFlightWork {
  private active = 0;
  private idleWaiters: Array<() => void> = [];

  get count(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const done = this.begin();
    try {
      return await work();
    } finally {
      done();
    }
  }

  /** Marks one piece of work as started; call the returned function (once) when it ends. */
  begin(): () => void {
    this.active += 1;
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.active -= 1;
      if (this.active === 0) this.wakeIdleWaiters();
    };
  }

  /** Resolves true once no work is in flight, or false if `timeoutMs` passes first. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((waiter) => waiter !== onIdle);
        resolve(false);
      }, timeoutMs);
      const onIdle = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(onIdle);
    });
  }

  private wakeIdleWaiters(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
