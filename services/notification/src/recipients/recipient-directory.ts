import type { EventStore, EventSubscription } from '@bluehelm/event-store';
import { EVENT_STORE } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { FOCAL_POINT_CATEGORY } from './focal-point.events.js';
import {
  emptyRecipientDirectory,
  evolveRecipientDirectory,
  type RecipientDirectoryState,
} from './recipient-directory.projection.js';
import { SUBSCRIPTION_CATEGORY } from './subscription.events.js';

const DIRECTORY_FILTER = { streamPrefixes: [`${FOCAL_POINT_CATEGORY}-`, `${SUBSCRIPTION_CATEGORY}-`] };

/**
 * The recipients in force, kept in memory by a catch-up subscription to their streams (few
 * events, rebuilt from zero at every start). Every replica follows the same log, so one that
 * did not take a request still learns of its change within the store's polling delay; the one
 * that did waits for its own write (`reachedPosition`) before it answers.
 */
@Injectable()
export class RecipientDirectory implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RecipientDirectory.name);
  private state = emptyRecipientDirectory();
  private subscription: EventSubscription | undefined;
  private following: Promise<void> | undefined;
  private waiters: Array<{ position: number; resolve: () => void }> = [];

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Starts following and returns once everything already in the log has been applied. */
  async onModuleInit(): Promise<void> {
    const last = await this.lastDirectoryPosition();
    this.subscription = this.store.subscribeToAll({ fromPosition: 'start', filter: DIRECTORY_FILTER });
    this.following = this.follow(this.subscription);
    if (last !== null) await this.reachedPosition(last);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
    await this.following;
  }

  current(): RecipientDirectoryState {
    return this.state;
  }

  /** Resolves once the event at `position` (or a later one) has been applied. */
  reachedPosition(position: number): Promise<void> {
    if (this.state.position !== null && this.state.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private async follow(subscription: EventSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.state = evolveRecipientDirectory(this.state, event);
        this.wakeWaiters();
      }
    } catch (error) {
      this.logger.error(`the recipient directory stopped following the log: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private wakeWaiters(): void {
    const position = this.state.position ?? -1;
    const due = this.waiters.filter((waiter) => waiter.position <= position);
    if (due.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.position > position);
    for (const waiter of due) waiter.resolve();
  }

  private async lastDirectoryPosition(): Promise<number | null> {
    for await (const event of this.store.readAll({ direction: 'backwards', maxCount: 1, filter: DIRECTORY_FILTER })) {
      return event.position;
    }
    return null;
  }
}
