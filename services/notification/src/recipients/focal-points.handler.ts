import { randomUUID } from 'node:crypto';
import {
  CreateFocalPointRequest,
  FocalPointListQuery,
  NOTIFICATION_SUBJECTS,
  validateRequest,
  type CreateFocalPointMessage,
  type FocalPointList,
  type FocalPointView,
  type NotificationResourceMessage,
  type ProblemReply,
  type RemovedResourceReply,
  type RemoveNotificationResourceMessage,
} from '@bluehelm/contracts';
import type { EventStore } from '@bluehelm/event-store';
import { handleCommand } from '@bluehelm/event-sourcing';
import { AllowedRoles, callerOf, EVENT_STORE } from '@bluehelm/service-kit';
import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { focalPointDecider, type FocalPointCommand } from './focal-point.decider.js';
import { focalPointStream } from './focal-point.events.js';
import { commandContextOf, resourceIdOf } from './recipient-command.context.js';
import { RecipientDirectory } from './recipient-directory.js';
import { answeringProblems, notFoundProblem } from './recipient-problems.js';
import { focalPointViewOf, pageOf } from './recipient-views.mapper.js';

/** `/v1/focal-points`: register, list, read and remove the focal points of missions. */
@Controller()
export class FocalPointsHandler {
  private readonly logger = new Logger(FocalPointsHandler.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: RecipientDirectory,
  ) {}

  @MessagePattern(NOTIFICATION_SUBJECTS.focalPoints.create)
  @AllowedRoles('admin')
  async create(@Payload() message: CreateFocalPointMessage, @Ctx() context: NatsContext): Promise<FocalPointView | ProblemReply> {
    const request = validateRequest(CreateFocalPointRequest, message?.body);
    if (!request.ok) return request.problem;
    const { mission, name, email, role } = request.value;
    const focalPointId = randomUUID();
    return answeringProblems(async () => {
      await this.run(focalPointId, { type: 'RegisterFocalPoint', data: { focalPointId, mission, name, email, role } }, { ...message, actor: callerOf(context).sub });
      const entry = this.directory.current().focalPoints[focalPointId];
      return entry ? focalPointViewOf(entry) : notFoundProblem('focal point', focalPointId);
    }, this.report);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.focalPoints.list)
  @AllowedRoles('admin')
  list(@Payload() message: unknown): FocalPointList | ProblemReply {
    const query = validateRequest(FocalPointListQuery, message ?? {});
    if (!query.ok) return query.problem;
    const { mission, limit, offset } = query.value;
    const entries = Object.values(this.directory.current().focalPoints).filter(
      (entry) => mission === undefined || entry.mission === mission,
    );
    return pageOf(entries, (entry) => `${entry.registeredAt} ${entry.focalPointId}`, focalPointViewOf, limit, offset);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.focalPoints.get)
  @AllowedRoles('admin')
  get(@Payload() message: NotificationResourceMessage): FocalPointView | ProblemReply {
    const id = resourceIdOf(message);
    const entry = id === undefined ? undefined : this.directory.current().focalPoints[id];
    return entry ? focalPointViewOf(entry) : notFoundProblem('focal point', id ?? message?.id);
  }

  @MessagePattern(NOTIFICATION_SUBJECTS.focalPoints.delete)
  @AllowedRoles('admin')
  async remove(@Payload() message: RemoveNotificationResourceMessage, @Ctx() context: NatsContext): Promise<RemovedResourceReply | ProblemReply> {
    const focalPointId = resourceIdOf(message);
    if (focalPointId === undefined) return notFoundProblem('focal point', message?.id);
    return answeringProblems(async () => {
      await this.run(focalPointId, { type: 'RemoveFocalPoint', data: { focalPointId } }, { ...message, actor: callerOf(context).sub });
      return { id: focalPointId, removed: true } as const;
    }, this.report);
  }

  private async run(focalPointId: string, command: FocalPointCommand, message: unknown): Promise<void> {
    const result = await handleCommand(this.store, {
      streamName: focalPointStream(focalPointId),
      decider: focalPointDecider,
      command,
      context: commandContextOf(message as Parameters<typeof commandContextOf>[0]),
    });
    if (result.position !== null) await this.directory.reachedPosition(result.position);
  }

  private readonly report = (error: unknown): void => {
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  };
}
