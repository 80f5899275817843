/**
 * The path every case step takes from its NATS message to the log: check the envelope,
 * validate the body, build the command, decide and append at the revision the caller saw.
 * Handlers only say which body class and which command.
 */
import { randomUUID } from 'node:crypto';
import {
  validateRequest,
  type CaseStepMessage,
  type CaseStepReply,
  type IsoDay,
  type RequestClass,
  type ProblemReply,
} from '@bluehelm/contracts';
import { handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import { EVENT_STORE, InFlightWork } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, utcDayOf, type Clock } from '../clock/clock.js';
import type { CaseCommand } from './case.commands.js';
import { caseDecider } from './case.decider.js';
import { upcastCaseEvent } from './case.events.js';
import { caseStream } from './case.stream.js';
import { answeringProblems, caseNotFoundProblem } from './case-problem.mapper.js';
import { checkStepMessage } from './case-step-message.check.js';

/** Every step body says on which day the step happened in the world. */
export interface DatedStepBody {
  readonly on: string;
}

export type CommandOfBody<Body> = (body: Body, today: IsoDay) => CaseCommand;

@Injectable()
export class CaseStepRunner {
  private readonly logger = new Logger(CaseStepRunner.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run<Body extends DatedStepBody>(
    message: unknown,
    requestClass: RequestClass<Body>,
    commandOf: CommandOfBody<Body>,
  ): Promise<CaseStepReply | ProblemReply> {
    const checked = checkStepMessage(message);
    if (!checked.ok) return checked.problem;
    const { caseId, message: step } = checked;
    const now = this.clock.now();
    const today = utcDayOf(now);
    const body = validateRequest(requestClass, step.body, { today });
    if (!body.ok) return body.problem;
    const command = commandOf(body.value, today);
    return answeringProblems(caseId, () => this.append(caseId, step, command, { now, on: body.value.on }), (error) =>
      this.logger.error(error),
    );
  }

  private async append(
    caseId: string,
    step: CaseStepMessage<unknown>,
    command: CaseCommand,
    { now, on }: { readonly now: Date; readonly on: IsoDay },
  ): Promise<CaseStepReply | ProblemReply> {
    const result = await this.inFlight.run(() =>
      handleCommand(this.store, {
        streamName: caseStream(caseId),
        decider: caseDecider,
        command,
        context: {
          actor: step.actor,
          correlationId: step.correlationId ?? randomUUID(),
          occurredAt: on,
          now,
          newEventId: randomUUID,
        },
        ...(step.expectedRevision === undefined ? {} : { expectedRevision: step.expectedRevision }),
        upcast: upcastCaseEvent,
      }),
    );
    // Unreachable for a step (every step needs an opened case), but the type allows it.
    if (result.nextExpectedRevision === 'no-stream') return caseNotFoundProblem(caseId);
    return { caseId, revision: result.nextExpectedRevision };
  }
}
