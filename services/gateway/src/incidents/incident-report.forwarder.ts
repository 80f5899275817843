import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';
import { readJsonBytes } from '../http-edge/request-body.reader.js';
import { IntakeClient } from '../upstream/intake.client.js';

/**
 * A report's way from an admitted HTTP request to intake and back: the body's bytes (415, 413 as
 * ProblemExceptions) go to intake unparsed, since intake checks every report whoever sends it;
 * its reply is answered 201 with Location for a new incident, 200 for a report it already holds.
 */
@Injectable()
export class IncidentReportForwarder {
  constructor(private readonly intake: IntakeClient) {}

  async forward(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = await this.intake.report(await readJsonBytes(request));
    const isNew = reply.status === 'accepted';
    response.statusCode = isNew ? 201 : 200;
    if (isNew) response.setHeader('Location', `/v1/incidents/${reply.incidentId}`);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(reply));
  }
}
