import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiContractBody,
  ApiJsonReply,
  ApiProblems,
  ApiUuidParam,
} from '../docs/api-docs.decorators.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { IntakeClient } from '../upstream/intake.client.js';
import { IncidentReportForwarder } from './incident-report.forwarder.js';

@ApiTags('incidents')
@Controller('v1/incidents')
export class IncidentsController {
  constructor(
    private readonly intake: IntakeClient,
    private readonly reports: IncidentReportForwarder,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Report an incident',
    description:
      'Sent to intake as is, which checks it (400 not JSON, 422 with every failing field path). 201 when the ' +
      'report is new; a repeat of the same reportId with the same body answers 200 with the same ids (nothing ' +
      'new was created); with another body, 409.',
  })
  @ApiContractBody('ReportIncidentRequest')
  @ApiJsonReply(201, 'The report was recorded', 'ReportIncidentReply', { Location: 'The incident: /v1/incidents/{incidentId}' })
  @ApiJsonReply(200, 'The same report was recorded before: the same ids', 'ReportIncidentReply')
  @ApiProblems(400, 409, 413, 415, 422)
  /**
   * The route as the API describes it. The HTTP server hands these requests to the
   * IncidentReportLane before Express sees them; a request that reaches Nest anyway (an
   * application built without the lane) is answered the same way by the same forwarder.
   */
  report(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    return this.reports.forward(request, response);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An incident as intake holds it' })
  @ApiUuidParam('id', 'The incident id')
  @ApiJsonReply(200, 'The incident', 'Incident')
  @ApiProblems(400, 404)
  getIncident(@Param('id', UuidParamPipe) incidentId: string): Promise<Record<string, unknown>> {
    return this.intake.getIncident(incidentId);
  }
}
