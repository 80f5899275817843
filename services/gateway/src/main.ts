import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';

await bootstrapService({ name: 'gateway', rootModule: AppModule, defaultPort: 8080 });
