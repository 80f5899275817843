// A stand-in for a service that answers NestJS message patterns (case-tracking, intake's
// getIncident): a tiny Nest microservice on the same NATS transport, in the service's queue group.
import { Controller, Module, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, Payload, Transport, type NatsContext } from '@nestjs/microservices';
import type { MsgHdrs, NatsConnection } from '@nats-io/transport-node';
import { forwardedHeadersOf, type ForwardedHeaders } from './forwarded-headers.js';

export interface ReceivedMessage {
  readonly subject: string;
  readonly message: unknown;
  /** The NATS headers the message came with: the caller's token, correlation id and reason. */
  readonly headers: ForwardedHeaders;
}

export type PatternAnswer = (subject: string, message: unknown) => unknown;

export class FakeNestService {
  readonly received: ReceivedMessage[] = [];
  answer: PatternAnswer;

  private constructor(
    private readonly app: INestMicroservice,
    holder: { fake?: FakeNestService },
    answer: PatternAnswer,
  ) {
    this.answer = answer;
    holder.fake = this;
  }

  static async start(natsUrl: string, queue: string, subjects: readonly string[], answer: PatternAnswer): Promise<FakeNestService> {
    const holder: { fake?: FakeNestService } = {};
    const app = await NestFactory.createMicroservice(moduleAnswering(subjects, holder), {
      transport: Transport.NATS,
      options: { servers: [natsUrl], queue },
      logger: false,
    });
    const fake = new FakeNestService(app, holder, answer);
    await app.listen();
    // Once NATS has answered a round trip, it has taken the subscriptions too.
    await app.unwrap<NatsConnection>().flush();
    return fake;
  }

  messagesOn(subject: string): unknown[] {
    return this.received.filter((received) => received.subject === subject).map((received) => received.message);
  }

  /** The headers of the last message on `subject`. */
  lastHeadersOn(subject: string): ForwardedHeaders | undefined {
    return this.received.filter((received) => received.subject === subject).at(-1)?.headers;
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}

/** A module whose one controller answers each subject through the fake in `holder`. */
function moduleAnswering(subjects: readonly string[], holder: { fake?: FakeNestService }): Type<unknown> {
  @Controller()
  class FakeController {}
  subjects.forEach((subject, index) => {
    const key = `answer${index}`;
    const handler = async (message: unknown, context: NatsContext) => {
      const fake = holder.fake!;
      fake.received.push({ subject, message, headers: forwardedHeadersOf(context.getHeaders() as MsgHdrs | undefined) });
      return fake.answer(subject, message);
    };
    Object.defineProperty(FakeController.prototype, key, { value: handler, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(FakeController.prototype, key)!;
    MessagePattern(subject)(FakeController.prototype, key, descriptor);
    Payload()(FakeController.prototype, key, 0);
    Ctx()(FakeController.prototype, key, 1);
  });

  @Module({ controllers: [FakeController] })
  class FakeModule {}
  return FakeModule;
}
