import { randomUUID } from 'node:crypto';
import { handleCommand } from '@bluehelm/event-sourcing';
import type { EventStore } from '@bluehelm/event-store';
import type { IntegrationEvent } from '@bluehelm/messaging';
import { EVENT_STORE, InFlightWork } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, utcDayOf, type Clock } from '../clock/clock.js';
import { caseDecider } from '../cases/case.decider.js';
import { upcastCaseEvent } from '../cases/case.events.js';
import { caseStream } from '../cases/case.stream.js';
import { openCaseFor } from './incident-opening.js';

/** Case-tracking's own name, as the actor of the cases it opens by itself. */
export const CASE_OPENER_ACTOR = 'case-tracking';

/**
 * Opens the case of a reported malicious act. A repeated delivery decides nothing (the case is
 * already open for that incident), so it is safe whatever the consumer remembers. A failure is
 * thrown, so that the consumer redelivers the event later and dead-letters it in the end.
 */
@Injectable()
export class CaseOpener {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly inFlight: InFlightWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: IntegrationEvent): Promise<void> {
    const now = this.clock.now();
    const command = openCaseFor(event, utcDayOf(now));
    if (command === null) return;
    const correlationId = event.metadata['correlationId'];
    await this.inFlight.run(() =>
      handleCommand(this.store, {
        streamName: caseStream(command.data.caseId),
        decider: caseDecider,
        command,
        context: {
          actor: CASE_OPENER_ACTOR,
          correlationId: typeof correlationId === 'string' ? correlationId : event.id,
          causationId: event.id,
          occurredAt: command.data.openedOn,
          now,
          newEventId: randomUUID,
        },
        upcast: upcastCaseEvent,
      }),
    );
  }
}
