import type { Role } from '@bluehelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startGateway, type GatewayUnderTest } from './support/gateway-under-test.js';
import { startPrivateNats } from '../../../scripts/lib/private-nats.mjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';

type PrivateNats = Awaited<ReturnType<typeof startPrivateNats>>;

const LIMIT = 5;
const BUSY_ANALYST = { sub: 'analyst-busy', roles: ['analyst'] as Role[] };

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe(`a gateway with RATE_LIMIT_PER_MINUTE=${LIMIT}`, () => {
  let nats: PrivateNats;
  let gateway: GatewayUnderTest;

  beforeAll(async () => {
    nats = await startPrivateNats();
    gateway = await startGateway(nats.url, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });

  afterAll(async () => {
    await gateway?.stop();
    await nats?.stop();
  });

  // No analytics runs: each request the limit lets through is answered 503 at once.
  const fatalities = (headers: Record<string, string> = {}) => fetch(`${gateway.url}/v1/analytics/fatalities`, { headers });

  it('answers the sixth request of one caller in a minute with 429 problem+json and Retry-After, and another caller still passes', async () => {
    const busy = bearer(await testToken(BUSY_ANALYST));
    const passed: number[] = [];
    for (let request = 0; request < LIMIT; request += 1) passed.push((await fatalities(busy)).status);
    expect(passed).toEqual(Array.from({ length: LIMIT }, () => 503));

    const refused = await fatalities(busy);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toMatchObject({ type: 'https://bluehelm.example/problems/rate-limited', status: 429 });

    expect((await fatalities(bearer(await testToken({ sub: 'analyst-calm', roles: ['analyst'] })))).status).toBe(503);
  });

  it('counts per token subject: a new token of the same subject is refused too', async () => {
    const renewed = bearer(await testToken(BUSY_ANALYST, { options: { expiresIn: '2h' } }));
    expect((await fatalities(renewed)).status).toBe(429);
  });

  it('never counts the probes and metrics, which answer however often they are asked', async () => {
    const statuses: number[] = [];
    for (let round = 0; round <= LIMIT; round += 1) {
      for (const path of ['/health/live', '/health/ready', '/metrics']) statuses.push((await fetch(`${gateway.url}${path}`)).status);
    }
    expect(new Set(statuses)).toEqual(new Set([200]));
  });

  it('answers an address that keeps sending bad tokens 429 instead of 401 once past the limit', async () => {
    const statuses: number[] = [];
    for (let request = 0; request <= LIMIT; request += 1) statuses.push((await fatalities(bearer('not-a-token'))).status);
    expect(statuses).toEqual([...Array.from({ length: LIMIT }, () => 401), 429]);
    expect((await fatalities(bearer(await testToken({ sub: 'analyst-honest', roles: ['analyst'] })))).status).toBe(503);
  });

  it('counts the public routes per client address', async () => {
    const statuses: number[] = [];
    for (let request = 0; request <= LIMIT; request += 1) statuses.push((await fetch(`${gateway.url}/docs`)).status);
    expect(statuses).toEqual([...Array.from({ length: LIMIT }, () => 200), 429]);
  });
});
