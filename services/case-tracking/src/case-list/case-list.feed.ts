import { setTimeout as sleep } from 'node:timers/promises';
import { CASE_STREAM_CATEGORY } from '@bluehelm/contracts';
import type { EventFilter, EventStore, EventSubscription, RecordedEvent } from '@bluehelm/event-store';
import { EVENT_STORE } from '@bluehelm/service-kit';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CaseListStore } from './case-list.store.js';

const CASE_STREAMS: EventFilter = { streamPrefixes: [`${CASE_STREAM_CATEGORY}-`] };
const MAX_REOPEN_DELAY_MS = 30_000;

/**
 * Feeds the case list from the event log with a catch-up subscription on the case streams:
 * the whole history at start, then every new event. A failed subscription is reopened after
 * the last event seen, with a growing delay.
 */
@Injectable()
export class CaseListFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CaseListFeed.name);
  private readonly stop = new AbortController();
  private subscription: EventSubscription | undefined;
  private loop: Promise<void> | undefined;
  private waiters: Array<{ readonly position: number; readonly resolve: () => void }> = [];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly list: CaseListStore,
  ) {}

  /** Starts following the log and returns once the list holds every case event written before. */
  async onApplicationBootstrap(): Promise<void> {
    const target = await this.lastCaseEventPosition();
    const caughtUp = target === undefined ? Promise.resolve() : this.whenReached(target);
    this.loop = this.follow();
    await caughtUp;
    this.logger.log(`case list rebuilt from the log up to position ${this.list.lastPosition ?? 'none'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.subscription?.close().catch(() => undefined);
    await this.loop;
  }

  private async follow(): Promise<void> {
    for (let failures = 0; !this.stop.signal.aborted; failures += 1) {
      const subscription = this.store.subscribeToAll({ fromPosition: this.list.lastPosition ?? 'start', filter: CASE_STREAMS });
      this.subscription = subscription;
      try {
        for await (const recorded of subscription) {
          this.apply(recorded);
          failures = 0;
        }
      } catch (error) {
        if (!this.stop.signal.aborted) this.logger.warn(`case list subscription failed: ${messageOf(error)}`);
      } finally {
        await subscription.close().catch(() => undefined);
      }
      if (this.stop.signal.aborted) return;
      await sleep(Math.min(250 * 2 ** failures, MAX_REOPEN_DELAY_MS), undefined, { signal: this.stop.signal }).catch(
        () => undefined,
      );
    }
  }

  private apply(recorded: RecordedEvent): void {
    if (this.list.apply(recorded) === 'ignored') {
      this.logger.warn(`case list ignored ${recorded.type} at position ${recorded.position}: not a case event`);
    }
    const reached = this.waiters.filter((waiter) => waiter.position <= recorded.position);
    this.waiters = this.waiters.filter((waiter) => waiter.position > recorded.position);
    for (const waiter of reached) waiter.resolve();
  }

  private whenReached(position: number): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private async lastCaseEventPosition(): Promise<number | undefined> {
    const newestFirst = this.store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1, filter: CASE_STREAMS });
    for await (const last of newestFirst) {
      return last.position;
    }
    return undefined;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
