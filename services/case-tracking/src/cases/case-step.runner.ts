/**
 * The path every case step takes from its NATS message to the log: check the envelope,
 * validate the body, build the command, decide and append at the revision the caller saw.
 * Handlers only say which body class and which command.
 */
import { randomUUID } from 'node:crypto';
import {
  validateRequest,
  type CaseStepMessage,
  type Principal,
  type CaseStepReply,
  type IsoDay,
  type RequestClass,
  type ProblemReply,
} from '@bluehelm/contracts';
import { handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import { EVENT_STORE, InFlightWork } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { CaseAccess } from '../access/case-access.js';
import { mayRecordCaseSteps } from '../access/case-scope.rules.js';
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

/** Builds the step's command; may be async (AddAccused seals the name with the case's key first). */
export type CommandOfBody<Body> = (body: Body, today: IsoDay, caseId: string) => CaseCommand | Promise<CaseCommand>;

@Injectable()
export class CaseStepRunner {
  private readonly logger = new Logger(CaseStepRunner.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: CaseAccess,
  ) {}

  /** `context` carries the caller's token: case officers of the case's mission only. */
  async run<Body extends DatedStepBody>(
    message: unknown,
    context: NatsContext | undefined,
    requestClass: RequestClass<Body>,
    commandOf: CommandOfBody<Body>,
  ): Promise<CaseStepReply | ProblemReply> {
    const checked = checkStepMessage(message);
    if (!checked.ok) return checked.problem;
    const { caseId, message: step } = checked;
    return answeringProblems(
      caseId,
      async () => {
        const allowed = await this.access.check(context, caseId, ['case-officer'], mayRecordCaseSteps);
        if (!allowed.ok) return allowed.problem;
        const now = this.clock.now();
        const today = utcDayOf(now);
        const body = validateRequest(requestClass, step.body, { today });
        if (!body.ok) return body.problem;
        const command = await commandOf(body.value, today, caseId);
        return this.append(caseId, step, allowed.principal, command, { now, on: body.value.on });
      },
      (error) => this.logger.error(error),
    );
  }

  private async append(
    caseId: string,
    step: CaseStepMessage<unknown>,
    principal: Principal,
    command: CaseCommand,
    { now, on }: { readonly now: Date; readonly on: IsoDay },
  ): Promise<CaseStepReply | ProblemReply> {
    const result = await this.inFlight.run(() =>
      handleCommand(this.store, {
        streamName: caseStream(caseId),
        decider: caseDecider,
        command,
        context: {
          actor: principal.sub,
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
