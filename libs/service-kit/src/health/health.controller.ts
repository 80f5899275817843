import type { ServerResponse } from 'node:http';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { SERVICE_NAME } from '../service-kit.tokens.js';
import { ReadinessProbe, type ReadinessReport } from './readiness.probe.js';

/** Probes for an orchestrator: live = the process runs; ready = it can serve. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_NAME) private readonly serviceName: string,
    private readonly readiness: ReadinessProbe,
  ) {}

  @Get('live')
  live(): { service: string; status: 'ok' } {
    return { service: this.serviceName, status: 'ok' };
  }

  @Get('ready')
  async ready(
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<{ service: string; status: 'ready' | 'not-ready'; checks: ReadinessReport['checks'] }> {
    const report = await this.readiness.check();
    if (!report.ready) response.statusCode = HttpStatus.SERVICE_UNAVAILABLE;
    return { service: this.serviceName, status: report.ready ? 'ready' : 'not-ready', checks: report.checks };
  }
}
