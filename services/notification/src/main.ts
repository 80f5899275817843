import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';

await bootstrapService({ name: 'notification', rootModule: AppModule, defaultPort: 8084 });
