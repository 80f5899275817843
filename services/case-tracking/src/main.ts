import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';

await bootstrapService({ name: 'case-tracking', rootModule: AppModule, defaultPort: 8082 });
