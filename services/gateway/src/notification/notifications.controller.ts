import { NotificationListQuery } from '@bluehelm/contracts';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiContractQuery, ApiJsonReply, ApiProblems, ApiUuidParam } from '../docs/api-docs.decorators.js';
import { ContractValidationPipe } from '../requests/contract-validation.pipe.js';
import { RequestedBy, type Requester } from '../requests/requester.js';
import { UuidParamPipe } from '../requests/uuid-param.pipe.js';
import { NotificationClient } from '../upstream/notification.client.js';

/** `/v1/notifications`: the delivery log, one entry per event and recipient, with every attempt. */
@ApiTags('notification')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notification: NotificationClient) {}

  @Get()
  @ApiOperation({ summary: 'The delivery log, newest first, one page' })
  @ApiContractQuery('NotificationListQuery')
  @ApiJsonReply(200, 'One page of notifications with their attempts', 'NotificationList')
  @ApiProblems(422)
  list(@Query(new ContractValidationPipe(NotificationListQuery)) query: NotificationListQuery): Promise<Record<string, unknown>> {
    return this.notification.list('notifications', query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notification with its attempts' })
  @ApiUuidParam('id', 'The notification id (the webhook-id of a webhook)')
  @ApiJsonReply(200, 'The notification', 'NotificationView')
  @ApiProblems(400, 404)
  get(@Param('id', UuidParamPipe) id: string): Promise<Record<string, unknown>> {
    return this.notification.get('notifications', id);
  }

  @Post(':id/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead letter again', description: 'Only a dead notification can be redelivered (409 otherwise).' })
  @ApiUuidParam('id', 'The notification id')
  @ApiJsonReply(200, 'The notification, pending again', 'NotificationView')
  @ApiProblems(400, 404, 409)
  redeliver(@Param('id', UuidParamPipe) id: string, @RequestedBy() requester: Requester): Promise<Record<string, unknown>> {
    return this.notification.redeliver({ id, actor: requester.actor, correlationId: requester.correlationId });
  }
}
