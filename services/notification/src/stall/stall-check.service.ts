import { InFlightWork, SERVICE_CONFIG, WorkSources } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CaseDirectoryStore } from '../cases/case-directory.store.js';
import type { NotificationConfig } from '../config/notification-config.js';
import { DeliveryWorker } from '../deliveries/delivery-worker.js';
import { DeliveryStore } from '../deliveries/delivery.store.js';
import { RecipientDirectory } from '../recipients/recipient-directory.js';
import { recipientsOf } from '../rules/recipient-resolution.js';
import { stallReminderOf } from '../rules/stall-reminder.rule.js';

/** Today's date in the world, as case steps are dated (UTC). */
export function worldToday(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Looks for stalled cases at start and then every STALL_CHECK_INTERVAL_MS, and records a
 * reminder to each one's mission focal points. Reminder ids are fixed per case and period, so
 * checking again (in this replica after a restart, or in another) records nothing new.
 */
@Injectable()
export class StallCheckService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StallCheckService.name);
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly cases: CaseDirectoryStore,
    private readonly recipients: RecipientDirectory,
    private readonly deliveries: DeliveryStore,
    private readonly worker: DeliveryWorker,
    private readonly inFlight: InFlightWork,
    private readonly workSources: WorkSources,
    @Inject(SERVICE_CONFIG) private readonly config: NotificationConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
    this.workSources.register({ name: 'notification-stall-check', stopTakingWork: () => this.stop() });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Records the reminders due today; answers how many deliveries were new. */
  async checkNow(now = new Date()): Promise<number> {
    const today = worldToday(now);
    let created = 0;
    for (const openCase of await this.cases.openCases()) {
      if (openCase.lastStepOn === null) continue;
      const reminder = stallReminderOf({ ...openCase, lastStepOn: openCase.lastStepOn }, today, this.config.STALL_DAYS);
      if (reminder === null) continue;
      created += await this.deliveries.recordAll(reminder, recipientsOf(reminder, this.recipients.current()), now);
    }
    if (created > 0) this.worker.wake();
    return created;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.checking = this.inFlight
        .run(() => this.checkNow())
        .then(
          (created) => {
            if (created > 0) this.logger.log(`${created} stall reminder(s) recorded`);
          },
          (error: unknown) => this.logger.warn(`stall check failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          if (this.timer !== undefined) this.schedule(this.config.STALL_CHECK_INTERVAL_MS);
        });
    }, delayMs);
  }

  private async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.checking;
  }
}
