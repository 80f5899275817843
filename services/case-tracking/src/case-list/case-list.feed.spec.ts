import { afterEach, describe, expect, it } from '@jest/globals';
import { MemoryEventStore } from '@bluehelm/event-store';
import { caseTrackingOn, CASE_ID, incidentReported, stepMessage, OFFICER } from '../case-tracking.fixtures.js';
import { CaseListFeed } from './case-list.feed.js';
import { listCases } from './case-list.query.js';
import { CaseListStore } from './case-list.store.js';

const ALL = { limit: 50, offset: 0 };

async function eventually(check: () => void, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

describe('the case list feed', () => {
  let feed: CaseListFeed | undefined;

  afterEach(async () => {
    await feed?.beforeApplicationShutdown();
  });

  it('has every case written before it started once its start returns', async () => {
    const service = caseTrackingOn(new MemoryEventStore());
    await service.opener.handle(incidentReported());
    await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }), OFFICER);
    await service.store.appendToStream('incident-x', [{ id: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b', type: 'IncidentReported', data: {} }]);
    const list = new CaseListStore();
    feed = new CaseListFeed(service.store, list);

    await feed.onApplicationBootstrap();

    expect(listCases(list.cases(), ALL).items).toMatchObject([{ caseId: CASE_ID, stage: 'referred', revision: 1 }]);
  });

  it('starts at once on an empty log and follows the steps recorded afterwards', async () => {
    const service = caseTrackingOn(new MemoryEventStore());
    const list = new CaseListStore();
    feed = new CaseListFeed(service.store, list);
    await feed.onApplicationBootstrap();

    await service.opener.handle(incidentReported());
    await service.investigation.openInvestigation(stepMessage({ on: '2021-04-01', authority: 'Pôle judiciaire' }), OFFICER);

    await eventually(() => expect(listCases(list.cases(), ALL).items).toMatchObject([{ stage: 'investigation', revision: 1 }]));
  });
});
