import { randomUUID } from 'node:crypto';
import {
  CreateSubscriptionRequest,
  NOTIFICATION_SUBJECTS,
  SubscriptionListQuery,
  validateRequest,
  type CreatedSubscriptionView,
  type CreateSubscriptionMessage,
  type NotificationResourceMessage,
  type ProblemReply,
  type RemovedResourceReply,
  type RemoveNotificationResourceMessage,
  type SubscriptionList,
  type SubscriptionView,
} from '@bluehelm/contracts';
import type { EventStore } from '@bluehelm/event-store';
import { handleCommand } from '@bluehelm/event-sourcing';
import { AllowedRoles, callerOf, EVENT_STORE } from '@bluehelm/service-kit';
import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { commandContextOf, resourceIdOf } from './recipient-command.context.js';
import { RecipientDirectory } from './recipient-directory.js';
import { answeringProblems, notFoundProblem } from './recipient-problems.js';
import { pageOf, subscriptionViewOf } from './recipient-views.mapper.js';
import { newWebhookSecret, SubscriptionSecretStore } from './subscription-secret.store.js';
import { subscriptionDecider, type SubscriptionCommand } from './subscription.decider.js';
import { subscriptionDetailsOf } from './subscription-details.js';
import { subscriptionStream } from './subscription.events.js';

/** `/v1/subscriptions`: webhook and e-mail subscriptions with filters. */
@Controller()
export class SubscriptionsHandler {
  private readonly logger = new Logger(SubscriptionsHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: RecipientDirectory,
    private readonly secrets: SubscriptionSecretStore,
  ) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.subscriptions.create)
  @AllowedRoles('admin')
  async create(@Payload() message: CreateSubscriptionMessage, @Ctx() context: NatsContext): Promise<CreatedSubscriptionView | ProblemReply> {
    const request = validateRequest(CreateSubscriptionRequest, message?.body);
    if (!request.ok) return request.problem;
    const subscriptionId = randomUUID();
    const details = subscriptionDetailsOf(subscriptionId, request.value);
    return answeringProblems(async () => {
      // The secret is saved first: a subscription must never exist without the key to sign for it.
      const secret = details.channel === 'webhook' ? newWebhookSecret() : undefined;
      if (secret !== undefined) await this.secrets.save(subscriptionId, secret);
      await this.run(subscriptionId, { type: 'CreateSubscription', data: details }, { ...message, actor: callerOf(context).sub });
      const entry = this.directory.current().subscriptions[subscriptionId];
      if (!entry) return notFoundProblem('subscription', subscriptionId);
      return secret === undefined ? subscriptionViewOf(entry) : { ...subscriptionViewOf(entry), secret };
    }, this.report);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.subscriptions.list)
  @AllowedRoles('admin')
  list(@Payload() message: unknown): SubscriptionList | ProblemReply {
    const query = validateRequest(SubscriptionListQuery, message ?? {});
    if (!query.ok) return query.problem;
    const { channel, mission, limit, offset } = query.value;
    const entries = Object.values(this.directory.current().subscriptions).filter(
      (entry) =>
        (channel === undefined || entry.channel === channel) &&
        (mission === undefined || entry.filters.missions.includes(mission)),
    );
    return pageOf(entries, (entry) => `${entry.createdAt} ${entry.subscriptionId}`, subscriptionViewOf, limit, offset);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.subscriptions.get)
  @AllowedRoles('admin')
  get(@Payload() message: NotificationResourceMessage): SubscriptionView | ProblemReply {
    const id = resourceIdOf(message);
    const entry = id === undefined ? undefined : this.directory.current().subscriptions[id];
    return entry ? subscriptionViewOf(entry) : notFoundProblem('subscription', id ?? message?.id);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.subscriptions.delete)
  @AllowedRoles('admin')
  async remove(@Payload() message: RemoveNotificationResourceMessage, @Ctx() context: NatsContext): Promise<RemovedResourceReply | ProblemReply> {
    const subscriptionId = resourceIdOf(message);
    if (subscriptionId === undefined) return notFoundProblem('subscription', message?.id);
    return answeringProblems(async () => {
      await this.run(subscriptionId, { type: 'CancelSubscription', data: { subscriptionId } }, { ...message, actor: callerOf(context).sub });
      await this.secrets.forget(subscriptionId);
      return { id: subscriptionId, removed: true } as const;
    }, this.report);
  }

  private async run(subscriptionId: string, command: SubscriptionCommand, message: unknown): Promise<void> {
    const result = await handleCommand(this.store, {
      streamName: subscriptionStream(subscriptionId),
      decider: subscriptionDecider,
      command,
      context: commandContextOf(message as Parameters<typeof commandContextOf>[0]),
    });
    if (result.position !== null) await this.directory.reachedPosition(result.position);
  }

  private readonly report = (error: unknown): void => {
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  };
}
