import { Worker } from 'node:worker_threads';
import { AlreadyStartedError } from './errors.js';
import type { LedRelayActivity } from './led-relay.js';
import type { RelayThreadCommand, RelayThreadReport, RelayThreadSettings } from './relay-thread-messages.js';

export type { RelayThreadSettings } from './relay-thread-messages.js';

export interface RelayThreadListener {
  /** A failure the relay recovers from by retrying, as LedRelay's onError reports it. */
  readonly onError?: (message: string, during: LedRelayActivity | 'thread') => void;
  readonly onLeadershipChange?: (leading: boolean, holder: string) => void;
}

/** The relay could not start: the thread's own store, connection or lease bucket failed. */
export class RelayThreadStartError extends Error {
  override readonly name = 'RelayThreadStartError';
  constructor(relayName: string, reason: string) {
    super(`the ${relayName} relay thread did not start: ${reason}`);
  }
}

const WORKER_SCRIPT = new URL('./relay-thread.worker.js', import.meta.url);
/** Before a thread that ended unasked is started again. */
const RESTART_DELAY_MS = 1000;

/**
 * A service's LedRelay on a worker thread of its own, with its own event store handle and NATS
 * connection. Relaying every event (reading it back, encoding it, publishing it and handling its
 * acknowledgement) costs about a fifth of what accepting it does; on the service's event loop it
 * delayed every request in the queue behind it. On a thread of its own it uses another core.
 *
 * The thread opens the store the service's `EVENT_STORE_URL` names; an in-memory store is only
 * visible to the thread that made it, so a service on one runs its relay in-process instead.
 * A thread that ends without being asked to (which only a fault in the thread itself can cause:
 * the relay retries every failure of NATS and the store) is reported and started again.
 */
export class RelayThread {
  private worker: Worker | undefined;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly settings: RelayThreadSettings,
    private readonly listener: RelayThreadListener = {},
    private readonly workerScript: URL = WORKER_SCRIPT,
  ) {}

  /** Resolves once the thread relays (or contends for the lease); rejects with RelayThreadStartError. */
  async start(): Promise<void> {
    if (this.worker) throw new AlreadyStartedError(`relay thread ${this.settings.relay.name}`);
    this.stopping = false;
    await this.launch();
  }

  /** Asks the thread to stop (saving the checkpoint and releasing the lease) and waits for it to end. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const command: RelayThreadCommand = { type: 'stop' };
    worker.postMessage(command);
    await ended;
  }

  private launch(): Promise<void> {
    const worker = new Worker(this.workerScript, { workerData: this.settings, name: `${this.settings.relay.name} relay` });
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (report: RelayThreadReport) => {
        switch (report.type) {
          case 'started':
            started = true;
            resolve();
            break;
          case 'start-failed':
            reject(new RelayThreadStartError(this.settings.relay.name, report.message));
            break;
          case 'error':
            this.listener.onError?.(report.message, report.during);
            break;
          case 'leadership':
            this.listener.onLeadershipChange?.(report.leading, report.holder);
            break;
          case 'stopped':
            if (report.failure) this.listener.onError?.(`stopping: ${report.failure}`, 'thread');
            break;
        }
      });
      worker.on('error', (error) => {
        if (!started) reject(new RelayThreadStartError(this.settings.relay.name, error.message));
        else this.listener.onError?.(error.message, 'thread');
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        if (!started) {
          reject(new RelayThreadStartError(this.settings.relay.name, `the thread ended with code ${code}`));
          return;
        }
        if (this.stopping) return;
        this.listener.onError?.(`the thread ended with code ${code}; starting it again`, 'thread');
        this.restartTimer = setTimeout(() => void this.relaunch(), RESTART_DELAY_MS);
      });
    });
  }

  private async relaunch(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.launch();
    } catch (error) {
      this.listener.onError?.(error instanceof Error ? error.message : String(error), 'thread');
      if (!this.stopping) this.restartTimer = setTimeout(() => void this.relaunch(), RESTART_DELAY_MS);
    }
  }
}
