import {
  INTAKE_SUBJECTS,
  type EraseIncidentPersonalDataMessage,
  type EraseIncidentPersonalDataReply,
  type GetIncidentMessage,
  type ReportIncidentReply,
} from '@bluehelm/contracts';
import { EndOfTurnQueue } from '@bluehelm/messaging';
import type { Msg, NatsConnection } from '@nats-io/transport-node';
import { Inject, Injectable } from '@nestjs/common';
import { forwardedHeaders } from '../access/forwarded-headers.js';
import { ProblemException } from '../problems/problem.exception.js';
import { problemForFailedRequest } from './failed-request.problem.js';
import { isEraseIncidentPersonalDataReply, isJsonObject, isReportIncidentReply } from './reply-shapes.js';
import { replyOrProblem, requestPattern } from './service-reply.js';
import { SERVICES_CLIENT, type ServicesClient } from './services-client.provider.js';

const SERVICE = 'intake';

/** Requests to intake. Failures arrive as ProblemExceptions (see replyOrProblem). */
@Injectable()
export class IntakeClient {
  /** Reports arrive one per HTTP request, each in a task of its own: those of one turn leave in one write. */
  private readonly endOfTurn = new EndOfTurnQueue();

  constructor(@Inject(SERVICES_CLIENT) private readonly client: ServicesClient) {}

  /**
   * Sends a report on intake's plain-JSON subject, the one mission systems use too: the request
   * is the report's JSON with no envelope, who asks (token, correlation id) travels in headers,
   * the reply is plain JSON. A report's bytes as the client sent them go on unparsed: intake
   * checks every report, whoever sends it, so the gateway does not read it twice.
   */
  async report(report: Uint8Array | object): Promise<ReportIncidentReply> {
    const timeoutMs = this.client.requestTimeoutMs;
    const requestHeaders = forwardedHeaders();
    let answer: Msg;
    try {
      const connection = await this.connection();
      const payload = report instanceof Uint8Array ? report : JSON.stringify(report);
      answer = await this.endOfTurn.run(() =>
        connection.request(INTAKE_SUBJECTS.reportIncident, payload, { timeout: timeoutMs, headers: requestHeaders }),
      );
    } catch (error) {
      throw new ProblemException(problemForFailedRequest(error, SERVICE, timeoutMs));
    }
    return replyOrProblem(jsonOf(answer), isReportIncidentReply, SERVICE);
  }

  getIncident(incidentId: string): Promise<Record<string, unknown>> {
    const message: GetIncidentMessage = { incidentId };
    return requestPattern(this.client, INTAKE_SUBJECTS.getIncident, message, isJsonObject, SERVICE);
  }

  erasePersonalData(message: EraseIncidentPersonalDataMessage): Promise<EraseIncidentPersonalDataReply> {
    return requestPattern(this.client, INTAKE_SUBJECTS.erasePersonalData, message, isEraseIncidentPersonalDataReply, SERVICE);
  }

  /** The client's own connection, shared with its NestJS requests; made on first use. */
  private async connection(): Promise<NatsConnection> {
    await this.client.connect();
    return this.client.unwrap<NatsConnection>();
  }
}

function jsonOf(message: Msg): unknown {
  try {
    return message.json<unknown>();
  } catch {
    return undefined;
  }
}
