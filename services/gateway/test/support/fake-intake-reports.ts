// Answers bluehelm.intake.incidents.report as intake does: a raw NATS subscription in queue
// group `intake`, plain JSON in and out, who asks in the headers (the caller's token in
// Authorization, which intake verifies and takes the actor from).
import { INTAKE_SUBJECTS } from '@bluehelm/contracts';
import { connect, type Msg, type NatsConnection } from '@nats-io/transport-node';
import { forwardedHeadersOf, type ForwardedHeaders } from './forwarded-headers.js';

export interface ReceivedReport extends ForwardedHeaders {
  readonly body: unknown;
}

/** The reply to a report, or `silent` to never answer, or a promise of either. */
export type ReportAnswer = (body: unknown, index: number) => unknown;

export const SILENT = Symbol('silent');

export class FakeIntakeReports {
  readonly received: ReceivedReport[] = [];
  /** Each report's bytes as they arrived, as text; its `received` body is undefined when they are not JSON. */
  readonly rawBodies: string[] = [];
  private inFlight = 0;
  /** The most reports that were waiting for their answer at the same time. */
  maxInFlight = 0;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly answer: ReportAnswer,
  ) {}

  static async start(natsUrl: string, answer: ReportAnswer): Promise<FakeIntakeReports> {
    const connection = await connect({ servers: natsUrl });
    const fake = new FakeIntakeReports(connection, answer);
    connection.subscribe(INTAKE_SUBJECTS.reportIncident, { queue: 'intake', callback: (_error, message) => void fake.handle(message) });
    await connection.flush();
    return fake;
  }

  private async handle(message: Msg): Promise<void> {
    const raw = message.string();
    this.rawBodies.push(raw);
    const body = jsonOrUndefined(raw);
    const index = this.received.length;
    this.received.push({ body, ...forwardedHeadersOf(message.headers) });
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const reply = await this.answer(body, index);
      if (reply !== SILENT) message.respond(JSON.stringify(reply));
    } finally {
      this.inFlight -= 1;
    }
  }

  /**
   * Unsubscribes and waits until NATS has taken that in before closing: a request sent right
   * after finds no responder at once, rather than a subscription the server has not yet dropped.
   */
  async stop(): Promise<void> {
    await this.connection.drain();
  }
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What intake answers for a new report, with ids that name the report. */
export function acceptedReply(body: unknown, status: 'accepted' | 'already-accepted' = 'accepted'): object {
  const reportId = (body as { reportId?: string }).reportId ?? 'unknown';
  return { incidentId: `incident-of-${reportId}`, caseId: null, status };
}
