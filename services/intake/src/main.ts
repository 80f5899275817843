import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';
import { IntakeConfig } from './config/intake-config.js';

await bootstrapService({ name: 'intake', rootModule: AppModule, defaultPort: 8081, configClass: IntakeConfig });
