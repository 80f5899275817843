import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';

await bootstrapService({ name: 'intake', rootModule: AppModule, defaultPort: 8081 });
