import { Client, type ClientConfig, escapeIdentifier } from 'pg';

/** What one subscription uses to learn that new events may have been committed. */
export interface AppendWatch {
  /** Resolves once notifications are being received (or listening failed and polling must do). */
  ready(): Promise<void>;
  /** Called just before a page is read: notifications from now on mean "read again". */
  startingRead(): void;
  /**
   * Resolves when a notification arrived since the last read, at the next one, after the
   * poll interval (appends a notification could miss: a dropped listening connection), or on abort.
   */
  wait(abort: Promise<void>): Promise<void>;
  release(): void;
}

/**
 * One LISTEN connection per store, shared by its subscriptions: opened by the first one and
 * closed when the last one is released, so that an idle store holds no extra connection.
 * Every append NOTIFYs in its own transaction, so a notification means committed events.
 */
export class PostgresAppendNotifier {
  private listener: Promise<Client | undefined> | undefined;
  private readonly watches = new Set<WatchState>();

  constructor(
    private readonly clientConfig: ClientConfig,
    private readonly channel: string,
    private readonly pollIntervalMs: number,
  ) {}

  watch(): AppendWatch {
    const state: WatchState = { pending: false, wake: undefined };
    this.watches.add(state);
    let released = false;
    return {
      ready: async () => {
        if (!released) await this.listening();
      },
      startingRead: () => {
        state.pending = false;
      },
      wait: async (abort) => {
        if (state.pending || released) return;
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          abort,
          new Promise<void>((resolve) => {
            state.wake = resolve;
            timer = setTimeout(resolve, this.pollIntervalMs);
          }),
        ]);
        clearTimeout(timer);
        state.wake = undefined;
      },
      release: () => {
        if (released) return;
        released = true;
        state.wake?.();
        this.watches.delete(state);
        if (this.watches.size === 0) void this.stopListening();
      },
    };
  }

  /** Ends listening whatever watches remain (the store is closing). */
  async close(): Promise<void> {
    for (const state of this.watches) state.wake?.();
    this.watches.clear();
    await this.stopListening();
  }

  private listening(): Promise<Client | undefined> {
    this.listener ??= this.startListening();
    return this.listener;
  }

  private startListening(): Promise<Client | undefined> {
    const client = new Client(this.clientConfig);
    const started = this.listenOn(client);
    // A lost connection must not crash the process: the next read listens again, polling covers the gap.
    const forget = () => {
      if (this.listener === started) this.listener = undefined;
    };
    client.on('error', forget);
    client.on('end', forget);
    void started.then((listening) => {
      if (!listening) forget();
    });
    return started;
  }

  private async listenOn(client: Client): Promise<Client | undefined> {
    client.on('notification', () => this.notifyAll());
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
      return client;
    } catch {
      await client.end().catch(() => undefined);
      return undefined;
    }
  }

  private async stopListening(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    const client = await listener;
    await client?.end().catch(() => undefined);
  }

  private notifyAll(): void {
    for (const state of this.watches) {
      state.pending = true;
      state.wake?.();
    }
  }
}

interface WatchState {
  pending: boolean;
  wake: (() => void) | undefined;
}
