// Every use of the NestJS NATS transport and the NATS client in the service kit lives in this
// file, so that it can move to @bluehelm/messaging in one step.
import { AuthorizationError, connect, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import {
  ClientProxyFactory,
  ServerNats,
  Transport,
  type ClientProxy,
  type CustomStrategy,
} from '@nestjs/microservices';
import { NATS_CLIENT_SETTINGS } from '@bluehelm/messaging';
import { NatsCredentialsRefusedError, NatsUnreachableError } from '../startup/startup-failure.js';
import { withTimeLimit } from '../time-limit.js';
import type { NatsUserCredentials } from './nats-credentials.js';

/**
 * Connects once and closes again, so that a service with a wrong NATS_URL, NATS_USER or
 * NATS_PASSWORD stops at once with a clear message instead of retrying forever inside the
 * framework.
 */
export async function assertNatsReachable(
  servers: readonly string[],
  credentials: NatsUserCredentials = {},
  timeoutMs = 2_000,
): Promise<void> {
  let connection: NatsConnection;
  try {
    connection = await connect({ servers: [...servers], timeout: timeoutMs, reconnect: false, ...credentials });
  } catch (error) {
    const shown = servers.map((server) => server.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@'));
    if (error instanceof AuthorizationError) throw new NatsCredentialsRefusedError(shown, credentials.user);
    throw new NatsUnreachableError(shown, error instanceof Error ? error.message : String(error));
  }
  await connection.close();
}

type NatsMessageCallback = (error: Error | null, message: Msg) => void;

/**
 * The NestJS NATS server with every subscription in the service's queue group, so that
 * replicas share the messages, and with a shutdown in two steps: stop taking messages first,
 * drain the connection only once the work in hand is done.
 */
export class QueueGroupNatsServer extends ServerNats {
  private readonly queueGroupSubscriptions: Subscription[] = [];

  constructor(
    private readonly queueGroup: string,
    servers: readonly string[],
    credentials: NatsUserCredentials = {},
  ) {
    super({ servers: [...servers], queue: queueGroup, name: queueGroup, ...NATS_CLIENT_SETTINGS, ...credentials });
  }

  override bindEvents(connection: NatsConnection): void {
    for (const [subject, handler] of this.messageHandlers) {
      const queue = (handler.extras?.['queue'] as string | undefined) ?? this.queueGroup;
      const callback = this.getMessageHandler(subject).bind(this) as NatsMessageCallback;
      this.queueGroupSubscriptions.push(connection.subscribe(subject, { queue, callback }));
    }
  }

  /** Ends interest in every subject; messages already received are still handled. */
  async stopTakingMessages(): Promise<void> {
    const subscriptions = this.queueGroupSubscriptions.splice(0);
    await Promise.allSettled(subscriptions.map((subscription) => subscription.drain()));
  }

  /** Resolves once the server has answered a round trip within `timeoutMs`. */
  async assertConnected(timeoutMs: number): Promise<void> {
    const connection = this.currentConnection();
    if (!connection || connection.isClosed()) throw new Error('not connected');
    if (connection.isDraining()) throw new Error('draining');
    await withTimeLimit(connection.flush(), timeoutMs, `no answer from NATS within ${timeoutMs} ms`);
  }

  override async close(): Promise<void> {
    const connection = this.currentConnection();
    if (connection && !connection.isClosed() && !connection.isDraining()) {
      // Drain rather than close: replies and publishes already queued still go out.
      await connection.drain().catch(() => undefined);
    }
    await super.close();
  }

  private currentConnection(): NatsConnection | undefined {
    try {
      return this.unwrap<NatsConnection>();
    } catch {
      return undefined;
    }
  }
}

export function natsTransportStrategy(server: QueueGroupNatsServer): CustomStrategy {
  return { strategy: server };
}

/**
 * A client for request/reply to other services through the NestJS NATS envelope. It connects on
 * first use.
 */
export function createNatsClient(
  serviceName: string,
  servers: readonly string[],
  credentials: NatsUserCredentials = {},
): ClientProxy {
  return ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { servers: [...servers], name: `${serviceName}-client`, ...NATS_CLIENT_SETTINGS, ...credentials },
  });
}
