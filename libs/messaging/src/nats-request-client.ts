import type { FactoryProvider, InjectionToken, OnApplicationShutdown } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { throwError, timeout, type Observable } from 'rxjs';
import { NatsRequestTimeoutError } from './errors.js';
import { NATS_CLIENT_SETTINGS, natsCredentialOptions, parseNatsServers, type NatsCredentials } from './nats-connection.js';

export interface NatsRequestClientSettings extends NatsCredentials {
  /** One server or a comma-separated list (the `NATS_URL` setting). */
  readonly url: string;
  /** Connection name shown by the server's monitoring pages. */
  readonly name?: string;
  /**
   * How long `send()` waits for the reply. Core NATS request/reply through the NestJS transport
   * never fails on its own when nobody answers, so without this a caller would wait forever.
   * Default 10000.
   */
  readonly requestTimeoutMs?: number;
}

/**
 * The NestJS NATS client whose `send()` fails with NatsRequestTimeoutError when no reply arrives
 * in time, and which closes its connection when the application shuts down.
 */
export class NatsRequestClient extends ClientNats implements OnApplicationShutdown {
  readonly requestTimeoutMs: number;

  constructor(settings: NatsRequestClientSettings) {
    super({
      servers: parseNatsServers(settings.url),
      ...(settings.name !== undefined ? { name: settings.name } : {}),
      ...natsCredentialOptions(settings),
      ...NATS_CLIENT_SETTINGS,
    });
    this.requestTimeoutMs = settings.requestTimeoutMs ?? 10_000;
  }

  override send<TResult = unknown, TInput = unknown>(pattern: unknown, data: TInput): Observable<TResult> {
    const timeoutMs = this.requestTimeoutMs;
    return super.send<TResult, TInput>(pattern, data).pipe(
      timeout({
        first: timeoutMs,
        with: () => throwError(() => new NatsRequestTimeoutError(subjectOf(pattern), timeoutMs)),
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}

export type NatsClientProviderOptions =
  | NatsRequestClientSettings
  | {
      readonly inject: readonly InjectionToken[];
      readonly useFactory: (...dependencies: never[]) => NatsRequestClientSettings;
    };

/**
 * A provider of a NestJS `ClientProxy` over core NATS, for a module's `providers`: inject it
 * with `@Inject(token) client: ClientProxy` and call `send(subject, payload)`.
 */
export function natsClientProvider(
  provide: InjectionToken,
  options: NatsClientProviderOptions,
): FactoryProvider<NatsRequestClient> {
  if ('useFactory' in options) {
    const makeSettings = options.useFactory as (...dependencies: unknown[]) => NatsRequestClientSettings;
    return {
      provide,
      inject: [...options.inject],
      useFactory: (...dependencies: unknown[]) => new NatsRequestClient(makeSettings(...dependencies)),
    };
  }
  return { provide, useFactory: () => new NatsRequestClient(options) };
}

function subjectOf(pattern: unknown): string {
  return typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
}
