import { beforeEach, describe, expect, it } from '@jest/globals';
import { isSealedValue, type CaseHistory, type CaseView } from '@bluehelm/contracts';
import { GetCaseHandler } from '../case-queries/get-case.handler.js';
import { CaseHistoryHandler } from '../case-queries/case-history.handler.js';
import { VerifyCaseHandler } from '../case-queries/verify-case.handler.js';
import { ACCESS, AUDITOR, CASE_ID, caseTrackingOn, fixedClock, incidentReported, OFFICER, stepMessage } from '../case-tracking.fixtures.js';
import { ErasePersonalDataHandler } from './erase-personal-data.handler.js';

type Service = ReturnType<typeof caseTrackingOn>;

describe('access to a case through its handlers', () => {
  let service: Service;
  let getCase: GetCaseHandler;

  beforeEach(async () => {
    service = caseTrackingOn();
    getCase = new GetCaseHandler(service.reader, service.caseAccess, service.personalData.disclosure);
    await service.opener.handle(incidentReported());
    const added = await service.addAccused.addAccused(stepMessage({ on: '2021-05-01', name: 'Oumar Traoré', kind: 'individual' }), OFFICER);
    expect(added).toMatchObject({ revision: 1 });
  });

  it('stores the accused name sealed, never in clear', async () => {
    const [, identified] = await service.store.readStream(`case-${CASE_ID}`);

    expect(isSealedValue((identified?.data as { name: unknown }).name)).toBe(true);
    expect(JSON.stringify(identified)).not.toContain('Traoré');
  });

  it('shows the name to a cleared officer, after recording the read in the access trail', async () => {
    const view = (await getCase.getCase({ caseId: CASE_ID }, OFFICER)) as CaseView;
    const [read] = await service.store.readStream(`access-${CASE_ID}`);

    expect(view.accused[0]?.name).toBe('Oumar Traoré');
    expect(read).toMatchObject({
      type: 'PersonalDataRead',
      data: { resource: 'case', resourceId: CASE_ID, view: 'case', roles: ['case-officer'], clearances: ['personal-data'] },
      metadata: { actor: 'legal-officer-7' },
    });
  });

  it('redacts the name for an auditor without clearance, and records no read', async () => {
    const view = (await getCase.getCase({ caseId: CASE_ID }, AUDITOR)) as CaseView;
    const history = (await new CaseHistoryHandler(service.reader, service.caseAccess, service.personalData.disclosure).history(
      { caseId: CASE_ID },
      AUDITOR,
    )) as CaseHistory;

    expect(view.accused[0]?.name).toBe('[redacted]');
    expect(history.events[1]?.data).toMatchObject({ name: '[redacted]' });
    await expect(service.store.readStream(`access-${CASE_ID}`)).rejects.toThrow();
  });

  it('answers 401 without a token, 403 to a role or a scope that does not cover the case', async () => {
    const noToken = await ACCESS.contextFor(undefined);
    const reporter = await ACCESS.contextFor({ sub: 'r', roles: ['reporter'], missions: ['MINUSMA'] });
    const otherMission = await ACCESS.contextFor({ sub: 'o', roles: ['case-officer'], missions: ['MONUSCO'] });
    const farState = await ACCESS.contextFor({ sub: 'm', roles: ['member-state'], memberState: 'FRA' });
    const contributor = await ACCESS.contextFor({ sub: 'c', roles: ['member-state'], memberState: 'SEN' });

    expect(await getCase.getCase({ caseId: CASE_ID }, noToken)).toMatchObject({ status: 401 });
    expect(await getCase.getCase({ caseId: CASE_ID }, reporter)).toMatchObject({ status: 403 });
    expect(await getCase.getCase({ caseId: CASE_ID }, otherMission)).toMatchObject({ status: 403 });
    expect(await getCase.getCase({ caseId: CASE_ID }, farState)).toMatchObject({ status: 403 });
    expect(await getCase.getCase({ caseId: CASE_ID }, contributor)).toMatchObject({ caseId: CASE_ID, accused: [{ name: '[redacted]' }] });
    expect(await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }), otherMission)).toMatchObject({ status: 403 });
    expect(await service.referral.refer(stepMessage({ on: '2021-03-20', authority: 'Procureur' }), AUDITOR)).toMatchObject({ status: 403 });
  });

  it('records the step under the token subject, whatever actor the message names', async () => {
    await service.referral.refer({ ...stepMessage({ on: '2021-03-20', authority: 'Procureur' }), actor: 'someone-else' }, OFFICER);
    const events = await service.store.readStream(`case-${CASE_ID}`);

    expect(events[2]?.metadata).toMatchObject({ actor: 'legal-officer-7' });
  });

  describe('erasure', () => {
    const eraser = (s: Service) => new ErasePersonalDataHandler(s.caseAccess, s.personalData.vault, s.store, s.inFlight, fixedClock);

    it('destroys the key: the name reads [erased] for everyone, the chain still verifies, the history says why', async () => {
      const admin = await ACCESS.contextFor({ sub: 'admin-1', roles: ['admin'] });
      const reply = await eraser(service).erase({ caseId: CASE_ID, body: { reason: 'court order 17/2024' } }, admin);
      const view = (await getCase.getCase({ caseId: CASE_ID }, OFFICER)) as CaseView;
      const verified = await new VerifyCaseHandler(service.reader, service.caseAccess).verify({ caseId: CASE_ID }, AUDITOR);
      const events = await service.store.readStream(`case-${CASE_ID}`);

      expect(reply).toMatchObject({ caseId: CASE_ID, revision: 2, keysDestroyed: 1 });
      expect(view.accused[0]?.name).toBe('[erased]');
      expect(view.personalDataErasure).toEqual({ on: '2024-06-30', reason: 'court order 17/2024' });
      expect(verified).toMatchObject({ intact: true, eventCount: 3 });
      expect(events[2]).toMatchObject({ type: 'PersonalDataErased', metadata: { actor: 'admin-1' } });
    });

    it('is for admins only, and needs a reason', async () => {
      const admin = await ACCESS.contextFor({ sub: 'admin-1', roles: ['admin'] });

      expect(await eraser(service).erase({ caseId: CASE_ID, body: { reason: 'x' } }, OFFICER)).toMatchObject({ status: 403 });
      expect(await eraser(service).erase({ caseId: CASE_ID, body: {} as { reason: string } }, admin)).toMatchObject({
        status: 422,
        errors: [{ path: 'reason' }],
      });
      expect((await getCase.getCase({ caseId: CASE_ID }, OFFICER)) as CaseView).toMatchObject({ accused: [{ name: 'Oumar Traoré' }] });
    });
  });
});
