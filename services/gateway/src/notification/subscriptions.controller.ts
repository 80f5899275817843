import type { ServerResponse } from 'node:http';
import { CreateSubscriptionRequest, SubscriptionListQuery } from '@bluehelm/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractBody, ApiContractQuery, ApiJsonReply, ApiProblems, ApiUuidParam } from '../docs/api-docs.decorators.js';
import { JsonBodyInterceptor } from '../http-edge/json-body.interceptor.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { RequestedBy, type Requester } from '../requests/requester.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { NotificationClient } from '../upstream/notification.client.js';

/** `/v1/subscriptions`: webhooks (Standard Webhooks) and e-mail addresses, with filters. */
@ApiTags('notification')
@Controller('v1/subscriptions')
export class SubscriptionsController {
  constructor(private readonly notification: NotificationClient) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(JsonBodyInterceptor)
  @ApiOperation({
    summary: 'Subscribe a webhook or an e-mail address',
    description: 'For a webhook, the answer holds the signing secret (`whsec_...`): the only time it is shown.',
  })
  @ApiContractBody('CreateSubscriptionRequest')
  @ApiJsonReply(201, 'The subscription was created', 'CreatedSubscriptionView', {
    Location: 'The subscription: /v1/subscriptions/{subscriptionId}',
  })
  @ApiProblems(400, 413, 415, 422)
  async create(
    @Body(new ContractValidationPipe(CreateSubscriptionRequest)) body: CreateSubscriptionRequest,
    @RequestedBy() requester: Requester,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<Record<string, unknown>> {
    const created = await this.notification.create('subscriptions', { actor: requester.actor, correlationId: requester.correlationId, body });
    response.setHeader('Location', `/v1/subscriptions/${created.id}`);
    // The answer carries a secret: no cache may keep it.
    response.setHeader('Cache-Control', 'no-store');
    return created.view;
  }

  @Get()
  @ApiOperation({ summary: 'Subscriptions, one page (without their secrets)' })
  @ApiContractQuery('SubscriptionListQuery')
  @ApiJsonReply(200, 'One page of subscriptions', 'SubscriptionList')
  @ApiProblems(422)
  list(@Query(new ContractValidationPipe(SubscriptionListQuery)) query: SubscriptionListQuery): Promise<Record<string, unknown>> {
    return this.notification.list('subscriptions', query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A subscription (without its secret)' })
  @ApiUuidParam('id', 'The subscription id')
  @ApiJsonReply(200, 'The subscription', 'SubscriptionView')
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<Record<string, unknown>> {
    return this.notification.get('subscriptions', id);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Cancel a subscription (its secret is forgotten)' })
  @ApiUuidParam('id', 'The subscription id')
  @ApiJsonReply(200, 'The subscription is cancelled', 'RemovedResourceReply')
  @ApiProblems(400, 404)
  remove(@Param('id', UuidParamPipe) id: string, @RequestedBy() requester: Requester): Promise<Record<string, unknown>> {
    return this.notification.remove('subscriptions', { id, actor: requester.actor, correlationId: requester.correlationId });
  }
}
