import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Inject, Module, type INestApplication, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { natsClientProvider, natsMicroserviceOptions, NatsRequestTimeoutError } from '../src/index.js';
import { TEST_NATS_URL } from './support/jetstream-test-topology.js';

const run = randomUUID().slice(0, 8);
const SUBJECT = `test.${run}.cases.open`;
const SLOW_SUBJECT = `test.${run}.cases.slow`;
const REQUEST_TIMEOUT_MS = 1000;
const CLIENT = Symbol('cases client');

interface OpenCase {
  readonly requestId: number;
}

/** Every request each replica answered: replica name -> request ids. */
const answered = new Map<string, number[]>();
let slowRepliesSent = 0;

function replicaModule(replica: string) {
  @Controller()
  class CasesController {
    @MessagePattern(SUBJECT)
    open(@Payload() request: OpenCase): { requestId: number; replica: string } {
      answered.set(replica, [...(answered.get(replica) ?? []), request.requestId]);
      return { requestId: request.requestId, replica };
    }

    @MessagePattern(SLOW_SUBJECT)
    async slow(): Promise<string> {
      await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS + 300));
      slowRepliesSent += 1;
      return 'too late';
    }
  }
  @Module({ controllers: [CasesController] })
  class ReplicaModule {}
  return ReplicaModule;
}

@Controller()
class GatewayProbe {
  constructor(@Inject(CLIENT) readonly client: ClientProxy) {}
}

@Module({
  controllers: [GatewayProbe],
  providers: [natsClientProvider(CLIENT, { url: TEST_NATS_URL, name: 'gateway-test', requestTimeoutMs: REQUEST_TIMEOUT_MS })],
})
class GatewayModule {}

describe('NestJS request/reply over NATS with a queue group', () => {
  const replicas: INestMicroservice[] = [];
  let gateway: INestApplication;
  let client: ClientProxy;

  beforeAll(async () => {
    for (const replica of ['replica-a', 'replica-b']) {
      const app = await NestFactory.createMicroservice(
        replicaModule(replica),
        {
          ...natsMicroserviceOptions({ url: TEST_NATS_URL, queue: `case-tracking-${run}`, name: replica, shutdownGracePeriodMs: 50 }),
          logger: false,
        },
      );
      await app.listen();
      replicas.push(app);
    }
    gateway = await NestFactory.create(GatewayModule, { logger: false });
    await gateway.init();
    client = gateway.get(GatewayProbe).client;
    await client.connect();
  });

  afterAll(async () => {
    await gateway?.close();
    for (const replica of replicas) await replica.close();
  });

  it('answers each request exactly once, spreading requests over both replicas', async () => {
    const requestIds = Array.from({ length: 40 }, (_, i) => i);
    const replies = await Promise.all(
      requestIds.map((requestId) =>
        firstValueFrom(client.send<{ requestId: number; replica: string }, OpenCase>(SUBJECT, { requestId })),
      ),
    );

    expect(replies.map((reply) => reply.requestId)).toEqual(requestIds);
    const handled = [...answered.values()].flat().sort((a, b) => a - b);
    expect(handled).toEqual(requestIds);
    expect(answered.get('replica-a')?.length).toBeGreaterThan(0);
    expect(answered.get('replica-b')?.length).toBeGreaterThan(0);
  });

  it('fails a request whose reply comes too late with NatsRequestTimeoutError', async () => {
    const started = Date.now();
    const reply = firstValueFrom(client.send(SLOW_SUBJECT, {}));
    await expect(reply).rejects.toThrow(NatsRequestTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    // Let the slow replica finish before the connections close.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(slowRepliesSent).toBe(1);
  });
});
