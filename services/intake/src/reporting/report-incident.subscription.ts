import { INTAKE_SUBJECTS, isProblem } from '@bluehelm/contracts';
import { EndOfTurnQueue } from '@bluehelm/messaging';
import { InFlightWork, SERVICE_NAME, ServiceMetrics, WorkSources } from '@bluehelm/service-kit';
import { Match, type Msg } from '@nats-io/transport-node';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IntakeNatsConnection } from '../nats/intake-nats.connection.js';
import { ReportIncidentHandler } from './report-incident.handler.js';
import { AUTHORIZATION_HEADER, CORRELATION_ID_HEADER, type ReportHeaders } from './report-headers.js';

/**
 * `bluehelm.intake.incidents.report` as a raw NATS subscription: the request is the report's
 * plain JSON and so is the reply, with no NestJS envelope, so that a NATS client in any language
 * can report. Replicas share the subject through the service's queue group.
 */
@Injectable()
export class ReportIncidentSubscription implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReportIncidentSubscription.name);
  /** One commit of the store answers several reports: their replies leave in one write. */
  private readonly endOfTurn = new EndOfTurnQueue();

  constructor(
    private readonly nats: IntakeNatsConnection,
    private readonly handler: ReportIncidentHandler,
    private readonly inFlight: InFlightWork,
    private readonly workSources: WorkSources,
    private readonly metrics: ServiceMetrics,
    @Inject(SERVICE_NAME) private readonly queue: string,
  ) {}

  onApplicationBootstrap(): void {
    const subscription = this.nats.connection.subscribe(INTAKE_SUBJECTS.reportIncident, {
      queue: this.queue,
      callback: (error, message) => {
        if (error) {
          this.logger.error(`incident report subscription failed: ${error.message}`);
          return;
        }
        // Begun synchronously, so that a shutdown starting now already waits for this message.
        this.inFlight.run(() => this.answer(message)).catch((failure: unknown) => {
          this.logger.error(`incident report not answered: ${failure instanceof Error ? failure.message : String(failure)}`);
        });
      },
    });
    this.workSources.register({ name: 'incident report subscription', stopTakingWork: () => subscription.drain() });
  }

  private async answer(message: Msg): Promise<void> {
    const reply = await this.handler.handle(message.data, headersOf(message));
    const failed = isProblem(reply) && reply.status >= 500;
    this.metrics.natsMessages.inc({ subject: message.subject, outcome: failed ? 'error' : 'ok' });
    // A report published without a reply subject is still recorded; there is just no one to answer.
    if (message.reply) await this.endOfTurn.run(async () => message.respond(JSON.stringify(reply)));
  }
}

function headersOf(message: Msg): ReportHeaders {
  const valueOf = (name: string) => message.headers?.get(name, Match.IgnoreCase) || undefined;
  const authorization = valueOf(AUTHORIZATION_HEADER);
  const correlationId = valueOf(CORRELATION_ID_HEADER);
  return { ...(authorization !== undefined && { authorization }), ...(correlationId !== undefined && { correlationId }) };
}
