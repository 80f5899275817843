import type { ServiceName } from '@bluehelm/contracts';
import type { EventStore } from '@bluehelm/event-store';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AuthSettingsError, DevelopmentKeyFileError, TokenVerifier } from '@bluehelm/access';
import { InvalidKeyVaultUrlError, InvalidMasterKeySettingError, MasterKeyMismatchError } from '@bluehelm/personal-data';
import { CallerAccess } from './access/caller-access.js';
import { natsServersOf } from './config/config-validators.js';
import { ConfigurationError, loadConfig } from './config/load-config.js';
import { ServiceConfig } from './config/service-config.js';
import { openEventStore } from './event-store/open-event-store.js';
import { ReadinessProbe } from './health/readiness.probe.js';
import { httpMetricsMiddleware } from './metrics/http-metrics.middleware.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import {
  assertNatsReachable,
  createNatsClient,
  natsTransportStrategy,
  QueueGroupNatsServer,
} from './nats/nats-transport.js';
import { natsCredentialsOf } from './nats/nats-credentials.js';
import { ServiceKitModule } from './service-kit.module.js';
import { InFlightWork } from './shutdown/in-flight-work.js';
import { RunningService } from './shutdown/running-service.js';
import { WorkSources } from './shutdown/work-sources.js';
import { EXIT_CONFIG, EXIT_SOFTWARE, PortUnavailableError, StartupFailure } from './startup/startup-failure.js';

export interface ServiceOptions<C extends ServiceConfig = ServiceConfig> {
  readonly name: ServiceName;
  /** The service's own module; the kit's module is added beside it. */
  readonly rootModule: Type<unknown> | DynamicModule;
  /** PORT when the environment sets none. */
  readonly defaultPort: number;
  /** A subclass of ServiceConfig, for a service with settings of its own. */
  readonly configClass?: new () => C;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** false for a service that reads request bodies itself (the gateway streams and limits them). */
  readonly bodyParser?: boolean;
}

/**
 * Starts a service: validated configuration, a NATS check, the event store, then the Nest
 * application with HTTP and the NATS transport (queue group = service name). Throws
 * ConfigurationError or a StartupFailure for what an operator can fix.
 */
export async function startService<C extends ServiceConfig>(options: ServiceOptions<C>): Promise<RunningService> {
  const configClass = options.configClass ?? (ServiceConfig as new () => C);
  const config = loadConfig(configClass, options.env ?? process.env, { PORT: options.defaultPort } as Partial<C>);
  const servers = natsServersOf(config.NATS_URL);
  await assertNatsReachable(servers, natsCredentialsOf(config));
  const callerAccess = new CallerAccess(await TokenVerifier.create(accessSettingsOf(config)));
  const eventStore = await openEventStore(config.EVENT_STORE_URL);
  try {
    return await startApplication(options, config, servers, eventStore, callerAccess);
  } catch (error) {
    await eventStore.close().catch(() => undefined);
    throw error;
  }
}

async function startApplication(
  options: ServiceOptions<ServiceConfig>,
  config: ServiceConfig,
  servers: string[],
  eventStore: EventStore,
  callerAccess: CallerAccess,
): Promise<RunningService> {
  const natsServer = new QueueGroupNatsServer(options.name, servers, natsCredentialsOf(config));
  const natsClient = createNatsClient(options.name, servers, natsCredentialsOf(config));
  const inFlight = new InFlightWork();
  const workSources = new WorkSources();
  const metrics = new ServiceMetrics(options.name);
  const readiness = new ReadinessProbe(eventStore, natsServer);
  const runtime = { name: options.name, config, eventStore, natsClient, inFlight, workSources, metrics, readiness, callerAccess };

  const app = await NestFactory.create<NestExpressApplication>(
    { imports: [ServiceKitModule.forRuntime(runtime), options.rootModule] },
    { bufferLogs: true, abortOnError: false, forceCloseConnections: true, bodyParser: options.bodyParser ?? true },
  );
  try {
    const logger = app.get(Logger);
    app.useLogger(logger);
    app.disable('x-powered-by');
    app.use(httpMetricsMiddleware(metrics));
    app.connectMicroservice(natsTransportStrategy(natsServer), { inheritAppConfig: true });
    await app.startAllMicroservices();
    await listen(app, config.PORT);
    logger.log(`${options.name} listening on port ${config.PORT}`);
    return new RunningService({
      name: options.name,
      port: config.PORT,
      app,
      logger,
      natsServer,
      natsClient,
      eventStore,
      inFlight,
      workSources,
      readiness,
      shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    });
  } catch (error) {
    await app.close().catch(() => undefined);
    await natsClient.close().catch(() => undefined);
    throw error;
  }
}

function accessSettingsOf(config: ServiceConfig): Parameters<typeof TokenVerifier.create>[0] {
  return {
    devKeyDir: config.AUTH_DEV_KEY_DIR,
    ...(config.AUTH_JWKS_URL !== undefined && { jwksUrl: config.AUTH_JWKS_URL }),
    ...(config.AUTH_ISSUER !== undefined && { issuer: config.AUTH_ISSUER }),
    ...(config.AUTH_AUDIENCE !== undefined && { audience: config.AUTH_AUDIENCE }),
  };
}

async function listen(app: INestApplication, port: number): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PortUnavailableError(port, 'already in use');
    if (code === 'EACCES') throw new PortUnavailableError(port, 'permission denied');
    throw error;
  }
}

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** Time given to closing connections and the store after the in-flight wait, before giving up. */
const CLOSING_GRACE_MS = 5_000;

/**
 * The entry point of a service's main.ts: starts it, stops it in order on SIGTERM or SIGINT
 * (exit 0), and turns a failed start into one line on stderr and a non-zero exit.
 */
export async function bootstrapService<C extends ServiceConfig>(options: ServiceOptions<C>): Promise<RunningService> {
  let running: RunningService;
  try {
    running = await startService(options);
  } catch (error) {
    return exitAfterFailedStart(options.name, error);
  }
  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`${options.name}: shutdown did not finish in time; exiting\n`);
        process.exit(EXIT_SOFTWARE);
      }, running.shutdownTimeoutMs + CLOSING_GRACE_MS).unref();
      running.stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`${options.name}: shutdown failed: ${messageOf(error)}\n`);
          process.exit(EXIT_SOFTWARE);
        },
      );
    });
  }
  return running;
}

/** What the access and personal-data settings are refused with: an operator's to fix, like any setting. */
const SETTING_ERRORS = [AuthSettingsError, DevelopmentKeyFileError, InvalidMasterKeySettingError, InvalidKeyVaultUrlError, MasterKeyMismatchError];

function exitAfterFailedStart(name: string, error: unknown): never {
  if (error instanceof ConfigurationError || SETTING_ERRORS.some((kind) => error instanceof kind)) {
    process.stderr.write(`${name}: configuration error: ${messageOf(error)}\n`);
    process.exit(EXIT_CONFIG);
  }
  if (error instanceof StartupFailure) {
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`${name}: failed to start: ${messageOf(error)}\n`);
  if (process.env['LOG_LEVEL'] === 'debug' || process.env['LOG_LEVEL'] === 'trace') {
    process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  }
  process.exit(EXIT_SOFTWARE);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
