import { PING_SUBJECTS, type PingReply, type ServiceName } from '@bluehelm/contracts';
import type { EventStore } from '@bluehelm/event-store';
import { EVENT_STORE, NATS_CLIENT, withTimeLimit } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';

/** The services behind the gateway, each asked over NATS whether it answers. */
export const BACKEND_SERVICES = ['intake', 'case-tracking', 'analytics', 'notification'] as const satisfies readonly ServiceName[];
export type BackendService = (typeof BACKEND_SERVICES)[number];

export type Answer = 'up' | 'down';

export interface SystemReport {
  readonly services: Readonly<Record<BackendService, Answer>>;
  readonly eventStore: Answer;
  /** Whatever did not answer: service names, and `event-store`. */
  readonly unavailable: readonly string[];
}

const PING_TIMEOUT_MS = 1_000;

@Injectable()
export class ServicesProbe {
  constructor(
    @Inject(NATS_CLIENT) private readonly nats: ClientProxy,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async check(): Promise<SystemReport> {
    const [eventStore, ...answers] = await Promise.all([
      answerOf(withTimeLimit(this.eventStore.ping(), PING_TIMEOUT_MS, 'event store did not answer')),
      ...BACKEND_SERVICES.map((service) => this.ping(service)),
    ]);
    const services = Object.fromEntries(
      BACKEND_SERVICES.map((service, index) => [service, answers[index] ?? 'down']),
    ) as Record<BackendService, Answer>;
    const unavailable = [
      ...BACKEND_SERVICES.filter((service) => services[service] === 'down'),
      ...(eventStore === 'down' ? ['event-store'] : []),
    ];
    return { services, eventStore, unavailable };
  }

  private ping(service: BackendService): Promise<Answer> {
    const reply = firstValueFrom(
      this.nats.send<PingReply, Record<string, never>>(PING_SUBJECTS[service], {}).pipe(timeout(PING_TIMEOUT_MS)),
    ).then((answer) => {
      if (answer?.service !== service || answer.status !== 'ok') throw new Error('unexpected ping reply');
    });
    return answerOf(reply);
  }
}

async function answerOf(check: Promise<void>): Promise<Answer> {
  try {
    await check;
    return 'up';
  } catch {
    return 'down';
  }
}
