import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';
import { CaseTrackingConfig } from './config/case-tracking-config.js';

await bootstrapService({ name: 'case-tracking', rootModule: AppModule, defaultPort: 8082, configClass: CaseTrackingConfig });
