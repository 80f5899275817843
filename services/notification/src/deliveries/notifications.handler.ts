import {
  NOTIFICATION_SUBJECTS,
  NotificationListQuery,
  problemOf,
  validateRequest,
  type NotificationList,
  type NotificationResourceMessage,
  type NotificationView,
  type ProblemReply,
  type RedeliverNotificationMessage,
} from '@bluehelm/contracts';
import { AllowedRoles, callerOf } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { resourceIdOf } from '../recipients/recipient-command.context.js';
import { answeringProblems, notFoundProblem } from '../recipients/recipient-problems.js';
import { DeliveryLogQuery } from './delivery-log.query.js';
import { DeliveryWorker } from './delivery-worker.js';
import { DeliveryStore } from './delivery.store.js';

/** `/v1/notifications`: the delivery log, and redelivery of dead letters. */
@Controller()
export class NotificationsHandler {
  private readonly logger = new Logger(NotificationsHandler.name);

  constructor(
    private readonly log: DeliveryLogQuery,
    private readonly store: DeliveryStore,
    private readonly worker: DeliveryWorker,
  ) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.notifications.list)
  @AllowedRoles('admin', 'auditor')
  async list(@Payload() message: unknown): Promise<NotificationList | ProblemReply> {
    const query = validateRequest(NotificationListQuery, message ?? {});
    if (!query.ok) return query.problem;
    return answeringProblems(() => this.log.list(query.value), this.report);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.notifications.get)
  @AllowedRoles('admin', 'auditor')
  async get(@Payload() message: NotificationResourceMessage): Promise<NotificationView | ProblemReply> {
    const id = resourceIdOf(message);
    if (id === undefined) return notFoundProblem('notification', message?.id);
    return answeringProblems(async () => (await this.log.get(id)) ?? notFoundProblem('notification', id), this.report);
  }

  /** Only a dead letter can be sent again; the verified caller is logged (the delivery log shows the new attempts). */
  @MessagePattern(NOTIFICATION_SUBJECTS.notifications.redeliver)
  @AllowedRoles('admin')
  async redeliver(@Payload() message: RedeliverNotificationMessage, @Ctx() context: NatsContext): Promise<NotificationView | ProblemReply> {
    const id = resourceIdOf(message)?.toLowerCase();
    if (id === undefined) return notFoundProblem('notification', message?.id);
    return answeringProblems(async () => {
      const outcome = await this.store.redeliver(id, new Date());
      switch (outcome) {
        case 'not-found':
          return notFoundProblem('notification', id);
        case 'not-dead':
          return {
            ...problemOf('rule-violation', `Notification ${id} is not a dead letter: only dead letters can be redelivered.`),
            code: 'not-a-dead-letter',
          };
        case 'redelivered': {
          this.logger.log(`notification ${id} redelivered at the request of ${callerOf(context).sub}`);
          this.worker.wake();
          return (await this.log.get(id)) ?? notFoundProblem('notification', id);
        }
        default: {
          const unknown: never = outcome;
          throw new Error(`unknown redelivery outcome ${String(unknown)}`);
        }
      }
    }, this.report);
  }

  private readonly report = (error: unknown): void => {
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  };
}
