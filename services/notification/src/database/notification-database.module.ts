import { SERVICE_CONFIG } from '@bluehelm/service-kit';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { NotificationConfig } from '../config/notification-config.js';
import { openNotificationDatabase } from './open-notification-database.js';
import type { SqlDatabase } from './sql-database.js';

/** The notification service's own database (NOTIFICATION_DB_URL). */
export const NOTIFICATION_DATABASE = Symbol('NOTIFICATION_DATABASE');

/** Closes the database last, after every component has stopped using it (their before-shutdown hooks). */
@Injectable()
class NotificationDatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_DATABASE) private readonly db: SqlDatabase) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: NOTIFICATION_DATABASE,
      inject: [SERVICE_CONFIG],
      useFactory: (config: NotificationConfig) => openNotificationDatabase(config.NOTIFICATION_DB_URL),
    },
    NotificationDatabaseCloser,
  ],
  exports: [NOTIFICATION_DATABASE],
})
export class NotificationDatabaseModule {}
