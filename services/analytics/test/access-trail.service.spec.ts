import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ANALYTICS_SUBJECTS, PERSONAL_DATA_READ, type AccessTrailPage, type Problem, type Role } from '@bluehelm/contracts';
import { createEventStore, type EventStore } from '@bluehelm/event-store';
import { NatsRequestClient } from '@bluehelm/messaging';
import { authorizedMessage } from '@bluehelm/service-kit/testing';
import { firstValueFrom } from 'rxjs';
import { testToken } from '../../../scripts/lib/test-tokens.mjs';
import { asAppend, caseOpened } from '../src/analytics.fixtures.js';
import { startAnalytics, type AnalyticsProcess } from './analytics.process.js';

// The built service, asked as the gateway asks for `GET /v1/audit/access`: with the caller's token.
const CASE_ID = '3d0c9b8a-7f6e-4d5c-9b4a-3f2e1d0c9b8a';

describe('the access trail of the analytics service', () => {
  let service: AnalyticsProcess;
  let store: EventStore;
  let client: NatsRequestClient;

  async function ask<Reply>(roles: readonly Role[] | 'no token', query: unknown): Promise<Reply> {
    if (roles === 'no token') return firstValueFrom(client.send<Reply>(ANALYTICS_SUBJECTS.accessTrail, query));
    const token = await testToken({ sub: `${roles.join('+')}@spec`, roles });
    return firstValueFrom(client.send<Reply>(ANALYTICS_SUBJECTS.accessTrail, authorizedMessage(query, token)));
  }

  beforeAll(async () => {
    service = await startAnalytics();
    store = await createEventStore(service.eventStoreUrl);
    await store.appendToStream(`case-${CASE_ID}`, [asAppend(caseOpened(CASE_ID, { incidentOccurredOn: '2024-04-30' }, '2024-05-01T08:00:00.000Z'))]);
    const read = asAppend({
      streamName: `access-${CASE_ID}`,
      type: PERSONAL_DATA_READ,
      data: { resource: 'case', resourceId: CASE_ID, view: 'case', roles: ['case-officer'], clearances: ['personal-data'], reason: 'prosecution file' },
      recordedAt: '2024-05-01T09:00:00.000Z',
    });
    await store.appendToStream(`access-${CASE_ID}`, [{ ...read, metadata: { ...read.metadata, actor: 'officer-1' } }]);
    await service.startService();
    client = new NatsRequestClient({ url: service.natsUrl, name: 'analytics-access-trail-test', requestTimeoutMs: 5_000 });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.close();
    await store?.close();
    await service?.tearDown();
  }, 30_000);

  it('answers an auditor with the writes and the reads of personal data, page by page', async () => {
    const reads = await ask<AccessTrailPage>(['auditor'], { resourceId: CASE_ID, action: 'read-personal-data' });
    const firstPage = await ask<AccessTrailPage>(['auditor'], { resourceId: CASE_ID, limit: '1' });

    expect(reads).toMatchObject({
      entries: [{ actor: 'officer-1', action: 'read-personal-data', resource: { type: 'case', id: CASE_ID }, reason: 'prosecution file' }],
      next: null,
    });
    expect(firstPage.entries).toMatchObject([{ actor: 'analytics-spec', action: 'write', eventType: 'CaseOpened', stream: `case-${CASE_ID}` }]);
    expect(firstPage.next).toBe(firstPage.entries[0]?.position);
  });

  it('refuses a caller without the auditor role, and one without a token', async () => {
    expect(await ask<Problem>(['analyst', 'case-officer'], {})).toMatchObject({ status: 403 });
    expect(await ask<Problem>('no token', {})).toMatchObject({ status: 401 });
  });
});
