import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';
import { AnalyticsConfig } from './config/analytics.config.js';
await bootstrapService({ name: 'analytics', rootModule: AppModule, defaultPort: 8083, configClass: AnalyticsConfig });
//# sourceMappingURL=main.js.map