import { bootstrapService } from '@bluehelm/service-kit';
import { AppModule } from './app.module.js';
import { GatewayConfig } from './config/gateway-config.js';
import { ApiDocumentation } from './docs/api-documentation.js';

const running = await bootstrapService({
  name: 'gateway',
  rootModule: AppModule,
  defaultPort: 8080,
  configClass: GatewayConfig,
  // The gateway reads bodies itself: whole ones with its own limits and problems, batches as streams.
  bodyParser: false,
});
running.app.get(ApiDocumentation).describe(running.app);
