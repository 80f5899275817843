import { ANALYTICS_INDICATORS_CHANGED_SUBJECT } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { EventStreamClient } from './support/event-stream.client.js';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { startMonitoredNats, type MonitoredNats } from './support/monitored-nats.js';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

const fatalitiesChanged = { indicator: 'fatalities', position: 41, totals: { total: 12 } };
const accountabilityChanged = {
  indicator: 'accountability',
  position: 42,
  totals: { cases: 5, casesConvicted: 1, casesClosed: 0, personsIdentified: 3 },
};

/** Analysts may follow the indicators. */
const caller = { authorization: `Bearer ${await testToken({ sub: 'analyst-1', roles: ['analyst'] })}` };

/** Asks `read` until it answers `expected`, for at most `timeoutMs`; answers what it last read. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe('GET /v1/analytics/stream', () => {
  let nats: MonitoredNats;
  let gateway: GatewayUnderTest;
  let publisher: NatsConnection;
  const streamUrl = () => `${gateway.url}/v1/analytics/stream`;
  const gatewaySubscriptions = () => nats.subscriptionsOn(ANALYTICS_INDICATORS_CHANGED_SUBJECT);

  const publish = async (message: unknown) => {
    publisher.publish(ANALYTICS_INDICATORS_CHANGED_SUBJECT, typeof message === 'string' ? message : JSON.stringify(message));
    await publisher.flush();
  };

  beforeAll(async () => {
    nats = await startMonitoredNats();
    gateway = await startGateway(nats.url, { SSE_HEARTBEAT_MS: '200' });
    publisher = await connect({ servers: nats.url });
  });

  afterAll(async () => {
    await publisher?.close();
    await gateway?.stop();
    await nats?.stop();
  });

  it('holds no subscription while nobody listens', async () => {
    expect(await gatewaySubscriptions()).toBe(0);
  });

  it('refuses a caller without a token with 401 and subscribes to nothing for it', async () => {
    const client = await EventStreamClient.open(streamUrl());
    try {
      expect(client.response.statusCode).toBe(401);
      expect(client.response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await gatewaySubscriptions()).toBe(0);
    } finally {
      client.close();
    }
  });

  it('pushes each indicator change published on NATS as an indicator-changed event with an id', async () => {
    const client = await EventStreamClient.open(streamUrl(), caller);
    try {
      expect(client.response.statusCode).toBe(200);
      expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(client.response.headers['cache-control']).toBe('no-store');
      await publish(fatalitiesChanged);
      await publish(accountabilityChanged);
      const events = await client.untilEvents(2);
      expect(events).toEqual([
        { id: '41:fatalities', event: 'indicator-changed', data: JSON.stringify(fatalitiesChanged) },
        { id: '42:accountability', event: 'indicator-changed', data: JSON.stringify(accountabilityChanged) },
      ]);
      expect(JSON.parse(events[1]!.data)).toEqual(accountabilityChanged);
    } finally {
      client.close();
    }
  });

  it('drops a message that is no indicator change and relays the next one', async () => {
    const client = await EventStreamClient.open(streamUrl(), caller);
    try {
      await publish('not json');
      await publish({ indicator: 'fatalities\nevent: forged', position: 1 });
      await publish({ indicator: 'fatalities' });
      await publish(fatalitiesChanged);
      const [event] = await client.untilEvents(1);
      expect(event?.id).toBe('41:fatalities');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(client.events).toHaveLength(1);
    } finally {
      client.close();
    }
  });

  it('sends a heartbeat comment while no event comes', async () => {
    const client = await EventStreamClient.open(streamUrl(), caller);
    try {
      await client.untilComment('heartbeat', 2_000);
      expect(client.comments).toContain('connected');
    } finally {
      client.close();
    }
  });

  it('shares one subscription among its clients and ends it when the last one hangs up', async () => {
    const first = await EventStreamClient.open(streamUrl(), caller);
    const second = await EventStreamClient.open(streamUrl(), caller);
    expect(await eventually(gatewaySubscriptions, 1)).toBe(1);
    await publish(fatalitiesChanged);
    expect(await first.untilEvents(1)).toHaveLength(1);
    expect(await second.untilEvents(1)).toHaveLength(1);

    first.close();
    await publish(accountabilityChanged);
    expect((await second.untilEvents(2))[1]?.id).toBe('42:accountability');
    expect(await gatewaySubscriptions()).toBe(1);

    second.close();
    expect(await eventually(gatewaySubscriptions, 0)).toBe(0);
  });

  it('keeps serving after many clients come and go', async () => {
    for (let round = 0; round < 5; round += 1) {
      const clients = await Promise.all(Array.from({ length: 10 }, () => EventStreamClient.open(streamUrl(), caller)));
      for (const client of clients) client.close();
    }
    expect(await eventually(gatewaySubscriptions, 0)).toBe(0);

    const client = await EventStreamClient.open(streamUrl(), caller);
    try {
      await publish(fatalitiesChanged);
      expect(await client.untilEvents(1)).toHaveLength(1);
      expect(await gatewaySubscriptions()).toBe(1);
      expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200);
    } finally {
      client.close();
    }
    expect(await eventually(gatewaySubscriptions, 0)).toBe(0);
  });

  describe('when the gateway stops', () => {
    let stopping: GatewayUnderTest;

    afterAll(async () => {
      await stopping?.stop();
    });

    it('ends its open streams at once and exits cleanly', async () => {
      stopping = await startGateway(nats.url, { SSE_HEARTBEAT_MS: '60000' });
      const client = await EventStreamClient.open(`${stopping.url}/v1/analytics/stream`, caller);
      const ended = new Promise<void>((resolve) => client.response.once('end', () => resolve()));
      const started = Date.now();
      expect(await stopping.stop()).toBe(0);
      await ended;
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
});
