import type { ServerResponse } from 'node:http';
import { CreateFocalPointRequest, FocalPointListQuery } from '@bluehelm/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractBody, ApiContractQuery, ApiJsonReply, ApiProblems, ApiUuidParam } from '../docs/api-docs.decorators.js';
import { JsonBodyInterceptor } from '../http-edge/json-body.interceptor.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { RequestedBy, type Requester } from '../requests/requester.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { NotificationClient } from '../upstream/notification.client.js';

/** `/v1/focal-points`: the people of a mission told about its fatalities and stalled cases. */
@ApiTags('notification')
@Controller('v1/focal-points')
export class FocalPointsController {
  constructor(private readonly notification: NotificationClient) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({ summary: 'Register a focal point of a mission' })
  @ApiContractBody('CreateFocalPointRequest')
  @ApiJsonReply(201, 'The focal point was registered', 'FocalPointView', { Location: 'The focal point: /v1/focal-points/{focalPointId}' })
  @ApiProblems(400, 413, 415, 422)
  async create(
    @Body(new ContractValidationPipe(CreateFocalPointRequest)) body: CreateFocalPointRequest,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<Record<string, unknown>> {
    const created = await this.notification.create('focalPoints', { actor: requester.actor, correlationId: requester.correlationId, body });
    response.setHeader('Location', `/v1/focal-points/${created.id}`);
    return created.view;
  }

  @Get()
  @ApiOperation({ summary: 'Focal points, one page' })
  @ApiContractQuery('FocalPointListQuery')
  @ApiJsonReply(200, 'One page of focal points', 'FocalPointList')
  @ApiProblems(422)
  list(@Query(new ContractValidationPipe(FocalPointListQuery)) query: FocalPointListQuery): Promise<Record<string, unknown>> {
    return this.notification.list('focalPoints', query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A focal point' })
  @ApiUuidParam('id', 'The focal point id')
  @ApiJsonReply(200, 'The focal point', 'FocalPointView')
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<Record<string, unknown>> {
    return this.notification.get('focalPoints', id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Remove a focal point (its registration stays in the event log)' })
  @ApiUuidParam('id', 'The focal point id')
  @ApiJsonReply(200, 'The focal point is removed', 'RemovedResourceReply')
  @ApiProblems(400, 404)
  remove(@Param('id', UuidParamPipe) id: string, @RequestedBy() requester: Requester): Promise<Record<string, unknown>> {
    return this.notification.remove('focalPoints', { id, actor: requester.actor, correlationId: requester.correlationId });
  }
}
