import { describe, expect, it } from '@jest/globals';
import { StreamNotFoundError } from '@bluehelm/event-store';
import { CASE_ID, caseTrackingOn, incidentReported } from '../case-tracking.fixtures.js';

describe('opening cases from reported incidents', () => {
  it('opens the case of a malicious act, attributed to case-tracking and caused by the report', async () => {
    const { store, opener } = caseTrackingOn();
    const reported = incidentReported();

    await opener.handle(reported);

    const [opened, ...rest] = await store.readStream(`case-${CASE_ID}`);
    expect(rest).toEqual([]);
    expect(opened).toMatchObject({
      type: 'CaseOpened',
      data: { caseId: CASE_ID, openedOn: '2021-03-01', incidentOccurredOn: '2021-03' },
      metadata: { actor: 'case-tracking', causationId: reported.id, correlationId: 'report-correlation', occurredAt: '2021-03-01' },
    });
  });

  it('opens the case once however often the report is delivered, under any event id', async () => {
    const { store, opener } = caseTrackingOn();

    await opener.handle(incidentReported());
    await opener.handle(incidentReported());
    await opener.handle(incidentReported({ id: '1d3f5a7b-9c2e-4d4f-8a6b-7c8d9e0f1a2b' }));

    expect(await store.readStream(`case-${CASE_ID}`)).toHaveLength(1);
  });

  it('opens no case for an accident', async () => {
    const { store, opener } = caseTrackingOn();

    await opener.handle(incidentReported({ category: 'accident' }));

    await expect(store.readStream(`case-${CASE_ID}`)).rejects.toThrow(StreamNotFoundError);
  });

  it('fails, for a later redelivery, when the incident is dated after today', async () => {
    const { opener } = caseTrackingOn();

    await expect(opener.handle(incidentReported({ occurredOn: '2024-07-02' }))).rejects.toMatchObject({ code: 'step-dated-in-future' });
  });
});
