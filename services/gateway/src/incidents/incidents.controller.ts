import type { ServerResponse } from 'node:http';
import { ReportIncidentRequest, type ReportIncidentReply } from '@bluehelm/contracts';
import { Body, Controller, Get, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiContractBody,
  ApiJsonReply,
  ApiProblems,
  ApiUuidParam,
} from '../docs/api-docs.decorators.js';
import { JsonBodyInterceptor } from '../http-edge/json-body.interceptor.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { IntakeClient } from '../upstream/intake.client.js';

@ApiTags('incidents')
@Controller('v1/incidents')
export class IncidentsController {
  constructor(private readonly intake: IntakeClient) {}

  @Post()
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({
    summary: 'Report an incident',
    description:
      'Sent to intake as is. 201 when the report is new; a repeat of the same reportId with the same body ' +
      'answers 200 with the same ids (nothing new was created); with another body, 409.',
  })
  @ApiContractBody('ReportIncidentRequest')
  @ApiJsonReply(201, 'The report was recorded', 'ReportIncidentReply', { Location: 'The incident: /v1/incidents/{incidentId}' })
  @ApiJsonReply(200, 'The same report was recorded before: the same ids', 'ReportIncidentReply')
  @ApiProblems(400, 409, 413, 415, 422)
  async report(
    @Body(new ContractValidationPipe(ReportIncidentRequest)) report: ReportIncidentRequest,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<ReportIncidentReply> {
    const reply = await this.intake.report(report);
    if (reply.status === 'accepted') {
      response.statusCode = 201;
      response.setHeader('Location', `/v1/incidents/${reply.incidentId}`);
    } else {
      response.statusCode = 200;
    }
    return reply;
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
