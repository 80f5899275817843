import type { Server } from 'node:http';
import type { EventStore } from '@bluehelm/event-store';
import type { INestApplication, LoggerService } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import type { ReadinessProbe } from '../health/readiness.probe.js';
import type { QueueGroupNatsServer } from '../nats/nats-transport.js';
import type { InFlightWork } from './in-flight-work.js';
import type { WorkSources } from './work-sources.js';

export interface RunningServiceParts {
  readonly name: string;
  readonly port: number;
  readonly app: INestApplication;
  readonly logger: LoggerService;
  readonly natsServer: QueueGroupNatsServer;
  readonly natsClient: ClientProxy;
  readonly eventStore: EventStore;
  readonly inFlight: InFlightWork;
  /** The service's own sources of new work, stopped together with the kit's. */
  readonly workSources: WorkSources;
  readonly readiness: ReadinessProbe;
  readonly shutdownTimeoutMs: number;
}

export interface StopOutcome {
  /** False when work was still in flight after the shutdown timeout. */
  readonly finishedInFlightWork: boolean;
}

/** A started service, and the order in which it lets go of things when asked to stop. */
export class RunningService {
  private stopping: Promise<StopOutcome> | undefined;

  constructor(private readonly parts: RunningServiceParts) {}

  get port(): number {
    return this.parts.port;
  }

  get shutdownTimeoutMs(): number {
    return this.parts.shutdownTimeoutMs;
  }

  get app(): INestApplication {
    return this.parts.app;
  }

  /** Idempotent: a second signal while stopping waits for the same stop. */
  stop(reason: string): Promise<StopOutcome> {
    this.stopping ??= this.stopInOrder(reason);
    return this.stopping;
  }

  private async stopInOrder(reason: string): Promise<StopOutcome> {
    const { app, logger, natsServer, natsClient, eventStore, inFlight, readiness, workSources } = this.parts;
    logger.log(`${this.parts.name} stopping (${reason}); ${inFlight.count} piece(s) of work in flight`);

    // 1. Take no new work: readiness says no, the port stops accepting, NATS interest ends.
    readiness.markStopping();
    const httpServer = app.getHttpServer() as Server;
    httpServer.close();
    httpServer.closeIdleConnections();
    const [, failedSources] = await Promise.all([natsServer.stopTakingMessages(), workSources.stopTakingWork()]);
    for (const { name, error } of failedSources) {
      logger.warn(`${this.parts.name}: ${name} did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }

    // 2. Let the work in hand finish, for at most the configured time.
    const finishedInFlightWork = await inFlight.whenIdle(this.parts.shutdownTimeoutMs);
    if (!finishedInFlightWork) {
      logger.warn(
        `${this.parts.name}: ${inFlight.count} piece(s) of work still in flight after ` +
          `${this.parts.shutdownTimeoutMs} ms; stopping anyway`,
      );
    }

    // 3. Drain NATS (the server's close drains), drop remaining connections, close the store.
    await app.close();
    await natsClient.close();
    await eventStore.close();
    logger.log(`${this.parts.name} stopped`);
    return { finishedInFlightWork };
  }
}
