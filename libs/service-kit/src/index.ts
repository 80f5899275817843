export { bootstrapService, startService, type ServiceOptions } from './bootstrap-service.js';
export { ConfigurationError, loadConfig } from './config/load-config.js';
export { LOG_LEVELS, ServiceConfig, type LogLevel } from './config/service-config.js';
export { PersonalDataConfig } from './config/personal-data-config.js';
export { IsEventStoreUrl, IsNatsServerList, natsServersOf } from './config/config-validators.js';
export { EVENT_STORE, openEventStore } from './event-store/open-event-store.js';
export { ReadinessProbe, type CheckResult, type ReadinessReport } from './health/readiness.probe.js';
export { HTTP_REQUEST_DURATION_METRIC, NATS_MESSAGES_METRIC, ServiceMetrics } from './metrics/service-metrics.js';
export { natsCredentialsOf, type NatsUserCredentials } from './nats/nats-credentials.js';
export { NATS_CLIENT, SERVICE_CONFIG, SERVICE_NAME } from './service-kit.tokens.js';
export { ServiceKitModule, type ServiceRuntime } from './service-kit.module.js';
export { InFlightWork } from './shutdown/in-flight-work.js';
export { RunningService, type StopOutcome } from './shutdown/running-service.js';
export { WorkSources, type WorkSource, type WorkSourceFailure } from './shutdown/work-sources.js';
export {
  EventStoreUnavailableError,
  EXIT_CONFIG,
  EXIT_SOFTWARE,
  EXIT_UNAVAILABLE,
  NatsCredentialsRefusedError,
  NatsUnreachableError,
  PortUnavailableError,
  StartupFailure,
} from './startup/startup-failure.js';
export { TimeLimitExceededError, withTimeLimit } from './time-limit.js';
export { AUTHORIZATION_HEADER, CallerAccess, authorizationOf, forbiddenProblem, headerOf, type CallerCheck } from './access/caller-access.js';
export { AccessTrail, type ReadOfPersonalData } from './access/access-trail.js';
export { KEY_VAULT, PersonalDataModule } from './personal-data/personal-data.module.js';
export { PersonalDataDisclosure } from './personal-data/personal-data.disclosure.js';
export { AllowedRoles, callerOf } from './access/allowed-roles.js';
export { httpRequestLogger } from './logging/logging-params.js';
export { httpMetricsMiddleware } from './metrics/http-metrics.middleware.js';
export { serviceRelay, type ServiceRelay, type ServiceRelayOptions } from './relay/service-relay.js';
