import { randomUUID } from 'node:crypto';
import {
  CASE_TRACKING_SUBJECTS,
  ErasePersonalDataRequest,
  validateRequest,
  type ErasePersonalDataMessage,
  type ErasePersonalDataReply,
  type ProblemReply,
} from '@bluehelm/contracts';
import { handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import type { KeyVault } from '@bluehelm/personal-data';
import { EVENT_STORE, InFlightWork, KEY_VAULT } from '@bluehelm/service-kit';
import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { CLOCK, utcDayOf, type Clock } from '../clock/clock.js';
import { answeringProblems, caseNotFoundProblem } from '../cases/case-problem.mapper.js';
import { caseDecider } from '../cases/case.decider.js';
import { upcastCaseEvent } from '../cases/case.events.js';
import { caseStream } from '../cases/case.stream.js';
import { queriedCaseIdOf } from '../case-queries/case-query-message.check.js';
import { CaseAccess } from './case-access.js';

/**
 * `POST /v1/cases/:id/erase-personal-data` (admin): destroys the case's data keys, then records
 * PersonalDataErased in the case. Keys first: the erasure asked for is the irreversible part,
 * and a retry after a failed append destroys nothing more and records it then.
 */
@Controller()
export class ErasePersonalDataHandler {
  private readonly logger = new Logger(ErasePersonalDataHandler.name);

  constructor(
    private readonly access: CaseAccess,
    @Inject(KEY_VAULT) private readonly vault: KeyVault,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @MessagePattern(CASE_TRACKING_SUBJECTS['erase-personal-data'])
  async erase(@Payload() message: ErasePersonalDataMessage, @Ctx() context: NatsContext): Promise<ErasePersonalDataReply | ProblemReply> {
    const caseId = queriedCaseIdOf(message);
    if (caseId === null) return caseNotFoundProblem(String(message?.caseId));
    return answeringProblems(
      caseId,
      async () => {
        const allowed = await this.access.check(context, caseId, ['admin'], () => true);
        if (!allowed.ok) return allowed.problem;
        const body = validateRequest(ErasePersonalDataRequest, message.body);
        if (!body.ok) return body.problem;
        const now = this.clock.now();
        return this.inFlight.run(async () => {
          const erasedAt = now.toISOString();
          const { keysDestroyed } = await this.vault.erase(caseId, { reason: body.value.reason, erasedBy: allowed.principal.sub, erasedAt });
          const result = await handleCommand(this.store, {
            streamName: caseStream(caseId),
            decider: caseDecider,
            command: { type: 'RecordPersonalDataErasure', data: { reason: body.value.reason, keysDestroyed, today: utcDayOf(now) } },
            context: { actor: allowed.principal.sub, correlationId: message.correlationId ?? randomUUID(), now, newEventId: randomUUID },
            upcast: upcastCaseEvent,
          });
          const revision = result.nextExpectedRevision === 'no-stream' ? -1 : result.nextExpectedRevision;
          return { caseId, revision, keysDestroyed, erasedAt };
        });
      },
      (error) => this.logger.error(error),
    );
  }
}
