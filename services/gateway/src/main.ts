import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';
import { GatewayConfig } from './config/gateway-config.js';
import { ApiDocumentation } from './docs/api-documentation.js';

const running = await bootstrapService({ name: 'gateway', rootModule: AppModule, defaultPort: 8080, configClass: GatewayConfig });
running.app.get(ApiDocumentation).describe(running.app);
