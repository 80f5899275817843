import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';
import { NotificationConfig } from './config/notification-config.js';

await bootstrapService({ name: 'notification', rootModule: AppModule, defaultPort: 8084, configClass: NotificationConfig });
