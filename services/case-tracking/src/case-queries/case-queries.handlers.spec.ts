import { beforeEach, describe, expect, it } from '@jest/globals';
import { isProblem, type AddAccusedReply, type CaseHistory } from '@bluehelm/contracts';
import type { RecordedEvent } from '@bluehelm/event-store';
import { Logger } from '@nestjs/common';
import { CASE_ID, caseTrackingOn, incidentReported, stepMessage, OFFICER, AUDITOR } from '../case-tracking.fixtures.js';
import { CaseHistoryHandler } from './case-history.handler.js';
import type { CaseStreamReader } from './case-stream.reader.js';
import { GetCaseHandler } from './get-case.handler.js';
import { VerifyCaseHandler } from './verify-case.handler.js';

const UNKNOWN_CASE = 'a1b2c3d4-e5f6-4a1b-8c2d-3e4f5a6b7c8d';

describe('case queries', () => {
  let service: ReturnType<typeof caseTrackingOn>;
  let getCase: GetCaseHandler;

  beforeEach(async () => {
    service = caseTrackingOn();
    getCase = new GetCaseHandler(service.reader, service.caseAccess, service.personalData.disclosure);
    await service.opener.handle(incidentReported());
    await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }), OFFICER);
    const added = (await service.addAccused.addAccused(
      stepMessage({ on: '2021-05-01', name: 'Accused One', kind: 'individual' }),
    OFFICER,
    )) as AddAccusedReply;
    await service.accusedStep.recordStep({ ...stepMessage({ on: '2021-06-01', stage: 'charged' }), personId: added.personId }, OFFICER);
  });

  it('gets the case as it stands', async () => {
    expect(await getCase.getCase({ caseId: CASE_ID }, AUDITOR)).toMatchObject({
      caseId: CASE_ID,
      revision: 3,
      stage: 'prosecution',
      referral: { on: '2021-03-20' },
      asOf: null,
    });
  });

  it('gets the case as it stood on a day, and 404 before it existed', async () => {
    expect(await getCase.getCase({ caseId: CASE_ID, asOf: '2021-04-01' }, AUDITOR)).toMatchObject({ stage: 'referred', accused: [] });
    expect(await getCase.getCase({ caseId: CASE_ID, asOf: '2021-02-28' }, AUDITOR)).toMatchObject({
      status: 404,
      detail: `Case ${CASE_ID} did not exist yet on 2021-02-28.`,
    });
  });

  it('refuses an asOf that is not a day with 422', async () => {
    expect(await getCase.getCase({ caseId: CASE_ID, asOf: '2021-04' }, AUDITOR)).toMatchObject({ status: 422, errors: [{ path: 'asOf' }] });
  });

  it('answers 404 to every query of a case that does not exist', async () => {
    const history = new CaseHistoryHandler(service.reader, service.caseAccess, service.personalData.disclosure);
    const verify = new VerifyCaseHandler(service.reader, service.caseAccess);

    expect(await getCase.getCase({ caseId: UNKNOWN_CASE }, AUDITOR)).toMatchObject({ status: 404 });
    expect(await history.history({ caseId: UNKNOWN_CASE }, AUDITOR)).toMatchObject({ status: 404 });
    expect(await verify.verify({ caseId: UNKNOWN_CASE }, AUDITOR)).toMatchObject({ status: 404 });
    expect(await verify.verify({ caseId: 'not-a-uuid' }, AUDITOR)).toMatchObject({ status: 404 });
  });

  it('gives the history with each event hash-chained to the one before', async () => {
    const history = (await new CaseHistoryHandler(service.reader, service.caseAccess, service.personalData.disclosure).history({ caseId: CASE_ID }, AUDITOR)) as CaseHistory;

    expect(history.events.map((event) => [event.revision, event.type])).toEqual([
      [0, 'CaseOpened'],
      [1, 'CaseReferred'],
      [2, 'AccusedIdentified'],
      [3, 'AccusedCharged'],
    ]);
    expect(history.events[0]?.metadata).toMatchObject({ prevHash: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(history.events[1]?.metadata['prevHash']).toBe(history.events[0]?.metadata['hash']);
    expect(history.events[3]).toMatchObject({ id: expect.any(String), position: expect.any(Number), createdAt: expect.any(String) });
  });

  it('verifies an intact case and names the first revision of a tampered one', async () => {
    const intact = await new VerifyCaseHandler(service.reader, service.caseAccess).verify({ caseId: CASE_ID }, AUDITOR);
    const events = await service.reader.eventsOf(CASE_ID);
    const tampered: RecordedEvent[] = events.map((event) =>
      event.revision === 2 ? { ...event, data: { ...(event.data as object), name: 'Someone Else' } } : event,
    );
    const tamperedReader = { eventsOf: async () => tampered } as unknown as CaseStreamReader;

    expect(intact).toMatchObject({ caseId: CASE_ID, intact: true, eventCount: 4, lastHash: events[3]?.metadata['hash'] });
    expect(await new VerifyCaseHandler(tamperedReader, service.caseAccess).verify({ caseId: CASE_ID }, AUDITOR)).toEqual({
      caseId: CASE_ID,
      intact: false,
      brokenAtRevision: 2,
      reason: 'hash-mismatch',
    });
  });

  it('answers a failing store with 500 rather than an RPC error', async () => {
    const failingReader = { eventsOf: () => Promise.reject(new Error('database is locked')) } as unknown as CaseStreamReader;
    // The failure is logged as an error; the log is not what this test is about.
    Logger.overrideLogger(false);

    const reply = await new GetCaseHandler(failingReader, service.caseAccess, service.personalData.disclosure).getCase({ caseId: CASE_ID }, AUDITOR);

    expect(isProblem(reply) && reply.status).toBe(500);
  });
});
