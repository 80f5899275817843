import type { EventStore } from '@bluehelm/event-store';
import type { QueueGroupNatsServer } from '../nats/nats-transport.js';
import { withTimeLimit } from '../time-limit.js';

export type CheckStatus = 'up' | 'down';

export interface CheckResult {
  readonly status: CheckStatus;
  readonly error?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<'eventStore' | 'nats' | 'process', CheckResult>>;
}

const CHECK_TIMEOUT_MS = 1_000;

/**
 * Whether the service can do its work: its event store answers, its NATS connection answers,
 * and it is not shutting down (so that a balancer stops sending before the port closes).
 */
export class ReadinessProbe {
  private stopping = false;

  constructor(
    private readonly eventStore: EventStore,
    private readonly natsServer: QueueGroupNatsServer,
  ) {}

  markStopping(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  async check(): Promise<ReadinessReport> {
    const [eventStore, nats] = await Promise.all([
      outcomeOf(() =>
        withTimeLimit(this.eventStore.ping(), CHECK_TIMEOUT_MS, `no answer within ${CHECK_TIMEOUT_MS} ms`),
      ),
      outcomeOf(() => this.natsServer.assertConnected(CHECK_TIMEOUT_MS)),
    ]);
    const process: CheckResult = this.stopping ? { status: 'down', error: 'shutting down' } : { status: 'up' };
    const checks = { eventStore, nats, process };
    return { ready: Object.values(checks).every((check) => check.status === 'up'), checks };
  }
}

async function outcomeOf(check: () => Promise<void>): Promise<CheckResult> {
  try {
    await check();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: error instanceof Error ? error.message : String(error) };
  }
}
