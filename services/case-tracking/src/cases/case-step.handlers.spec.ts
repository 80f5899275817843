import { beforeEach, describe, expect, it } from '@jest/globals';
import { isProblem, type AddAccusedReply } from '@bluehelm/contracts';
import { CASE_ID, caseTrackingOn, incidentReported, stepMessage, OFFICER } from '../case-tracking.fixtures.js';

type Service = ReturnType<typeof caseTrackingOn>;

async function revisionOf(service: Service): Promise<number> {
  const events = await service.store.readStream(`case-${CASE_ID}`);
  return events.length - 1;
}

async function addAccused(service: Service, name: string): Promise<string> {
  const reply = await service.addAccused.addAccused(stepMessage({ on: '2021-05-01', name, kind: 'individual' }), OFFICER);
  if (isProblem(reply)) throw new Error(`adding ${name} failed: ${reply.detail}`);
  return (reply as AddAccusedReply).personId;
}

describe('case step handlers', () => {
  let service: Service;

  beforeEach(async () => {
    service = caseTrackingOn();
    await service.opener.handle(incidentReported());
  });

  it('records a referral and answers the case revision after it', async () => {
    const reply = await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur, Bamako' }), OFFICER);

    expect(reply).toEqual({ caseId: CASE_ID, revision: 1 });
    const [, referred] = await service.store.readStream(`case-${CASE_ID}`);
    expect(referred).toMatchObject({ type: 'CaseReferred', data: { on: '2021-03-20', authority: 'Procureur, Bamako' } });
  });

  it('writes who asked, the request correlation and the day in the world into the metadata', async () => {
    await service.investigation.openInvestigation(stepMessage({ on: '2021-04-02', authority: 'Pôle judiciaire' }), OFFICER);

    const [, opened] = await service.store.readStream(`case-${CASE_ID}`);
    expect(opened?.metadata).toMatchObject({
      actor: 'legal-officer-7',
      correlationId: 'request-42',
      occurredAt: '2021-04-02',
      recordedAt: '2024-06-30T10:00:00.000Z',
    });
  });

  it('answers a new personId for each accused, and records their steps under it', async () => {
    const first = await addAccused(service, 'Accused One');
    const second = await addAccused(service, 'Accused Two');
    const step = await service.accusedStep.recordStep({ ...stepMessage({ on: '2021-06-01', stage: 'charged' }), personId: second }, OFFICER);

    expect(first).not.toBe(second);
    expect(step).toEqual({ caseId: CASE_ID, revision: 3 });
    const events = await service.store.readStream(`case-${CASE_ID}`);
    expect(events[3]).toMatchObject({ type: 'AccusedCharged', data: { personId: second, on: '2021-06-01' } });
  });

  it('records support with a support id of its own, a linked incident and the closure', async () => {
    const linkedIncident = '9C8B7A6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D';
    await service.support.recordSupport(stepMessage({ on: '2021-04-05', kind: 'forensic', provider: 'UNMAS' }), OFFICER);
    await service.linkIncident.linkIncident(stepMessage({ on: '2021-04-06', incidentId: linkedIncident }), OFFICER);
    const closed = await service.closure.close(stepMessage({ on: '2023-01-10', reason: 'no suspect identified' }), OFFICER);

    expect(closed).toEqual({ caseId: CASE_ID, revision: 3 });
    const events = await service.store.readStream(`case-${CASE_ID}`);
    expect(events.map((event) => event.type)).toEqual(['CaseOpened', 'SupportActionRecorded', 'IncidentLinked', 'CaseClosed']);
    expect(events[1]?.data).toMatchObject({ supportId: expect.stringMatching(/^[0-9a-f-]{36}$/), kind: 'forensic' });
    expect(events[2]?.data).toEqual({ on: '2021-04-06', incidentId: linkedIncident.toLowerCase() });
  });

  it('accepts a step at the revision the caller saw', async () => {
    const reply = await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }, { expectedRevision: 0 }), OFFICER);

    expect(reply).toEqual({ caseId: CASE_ID, revision: 1 });
  });

  it('refuses a step at a revision the case has moved past with 412, writing nothing', async () => {
    await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }), OFFICER);
    const reply = await service.investigation.openInvestigation(
      stepMessage({ on: '2021-04-02', authority: 'Pôle judiciaire' }, { expectedRevision: 0 }),
    OFFICER,
    );

    expect(reply).toMatchObject({ status: 412, code: 'stale-revision' });
    expect(await revisionOf(service)).toBe(1);
  });

  it('refuses an invalid body with 422 naming each field, writing nothing', async () => {
    const reply = await service.referral.refer(stepMessage({ on: '2021-02-30', authority: '', extra: true }), OFFICER);

    expect(reply).toMatchObject({ status: 422 });
    expect(isProblem(reply) && reply.errors?.map((error) => error.path).sort()).toEqual(['authority', 'extra', 'on']);
    expect(await revisionOf(service)).toBe(0);
  });

  it('refuses a step dated after today with 422', async () => {
    const reply = await service.referral.refer(stepMessage({ on: '2024-07-01', authority: 'Procureur' }), OFFICER);

    expect(reply).toMatchObject({ status: 422, errors: [{ path: 'on' }] });
  });

  it('answers a broken rule with 409 and the rule code, writing nothing', async () => {
    await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }), OFFICER);
    const reply = await service.referral.refer(stepMessage({ on: '2021-03-21', authority: 'Procureur' }), OFFICER);

    expect(reply).toMatchObject({ status: 409, code: 'case-already-referred' });
    expect(await revisionOf(service)).toBe(1);
  });

  it('answers an illegal accused step with 409 and its code', async () => {
    const personId = await addAccused(service, 'Accused One');
    const reply = await service.accusedStep.recordStep({ ...stepMessage({ on: '2021-06-01', stage: 'convicted' }), personId }, OFFICER);

    expect(reply).toMatchObject({ status: 409, code: 'accused-not-charged' });
  });

  it('answers 404 for a case that was never opened, even with a revision', async () => {
    const otherCase = 'a1b2c3d4-e5f6-4a1b-8c2d-3e4f5a6b7c8d';
    const unpinned = await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'P' }, { caseId: otherCase }), OFFICER);
    const pinned = await service.referral.refer(
      stepMessage({ on: '2021-03-20', authority: 'P' }, { caseId: otherCase, expectedRevision: 4 }),
    OFFICER,
    );

    expect(unpinned).toMatchObject({ status: 404 });
    expect(pinned).toMatchObject({ status: 404 });
  });

  it('answers 404 for a case id that is not a UUID and for an unknown accused person', async () => {
    const notUuid = await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'P' }, { caseId: 'case-1' }), OFFICER);
    const unknownPerson = await service.accusedStep.recordStep({
      ...stepMessage({ on: '2021-06-01', stage: 'arrested' }),
      personId: 'b1b2c3d4-e5f6-4a1b-8c2d-3e4f5a6b7c8d',
    }, OFFICER);

    expect(notUuid).toMatchObject({ status: 404 });
    expect(unknownPerson).toMatchObject({ status: 404, code: 'unknown-accused' });
  });

  it('refuses an envelope without an actor or with a malformed revision with 422', async () => {
    const reply = await service.referral.refer({ caseId: CASE_ID, actor: '', expectedRevision: -1, body: {} }, OFFICER);

    expect(reply).toMatchObject({ status: 422 });
    expect(isProblem(reply) && reply.errors?.map((error) => error.path)).toEqual(['actor', 'expectedRevision']);
  });

  it('finds a case named by its id in upper case', async () => {
    const reply = await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'P' }, { caseId: CASE_ID.toUpperCase() }), OFFICER);

    expect(reply).toEqual({ caseId: CASE_ID, revision: 1 });
  });
});
