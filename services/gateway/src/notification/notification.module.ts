import { Module } from '@nestjs/common';
import { UpstreamModule } from '../upstream/upstream.module.js';
import { FocalPointsController } from './focal-points.controller.js';
import { NotificationsController } from './notifications.controller.js';
import { SubscriptionsController } from './subscriptions.controller.js';

@Module({
  imports: [UpstreamModule],
  controllers: [FocalPointsController, SubscriptionsController, NotificationsController],
})
export class NotificationModule {}
