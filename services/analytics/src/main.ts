import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';

await bootstrapService({ name: 'analytics', rootModule: AppModule, defaultPort: 8083 });
