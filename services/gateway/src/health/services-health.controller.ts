import type { ServerResponse } from 'node:http';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ServicesProbe } from './services.probe.js';

const PROBLEM_JSON = 'application/problem+json';

/**
 * `GET /v1/health`: ready only when every service answers its ping over NATS and the event store
 * answers; otherwise an RFC 9457 problem naming what did not answer.
 */
@Controller('v1/health')
export class ServicesHealthController {
  constructor(private readonly probe: ServicesProbe) {}

  @Get()
  async health(@Res() response: ServerResponse): Promise<void> {
    const report = await this.probe.check();
    if (report.unavailable.length === 0) {
      send(response, HttpStatus.OK, 'application/json', {
        status: 'ready',
        services: report.services,
        eventStore: report.eventStore,
      });
      return;
    }
    send(response, HttpStatus.SERVICE_UNAVAILABLE, PROBLEM_JSON, {
      type: 'about:blank',
      title: 'Service Unavailable',
      status: HttpStatus.SERVICE_UNAVAILABLE,
      detail: `Not answering: ${report.unavailable.join(', ')}`,
      unavailable: report.unavailable,
      services: report.services,
      eventStore: report.eventStore,
    });
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: object): void {
  response.statusCode = status;
  response.setHeader('Content-Type', `${contentType}; charset=utf-8`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(body));
}
