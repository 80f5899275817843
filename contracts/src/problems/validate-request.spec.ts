import { describe, expect, it } from '@jest/globals';
import { ReferralRequest } from '../requests/case-step.requests.js';
import { ReportIncidentRequest } from '../requests/report-incident.request.js';
import { PROBLEM_TYPE_BASE } from './problem.js';
import { validateJsonRequest, validateRequest } from './validate-request.js';

const today = '2026-11-23';

describe('validateRequest', () => {
  it('gives the typed instance of a valid body', () => {
    const outcome = validateRequest(ReferralRequest, { on: '2021-03-02', authority: 'Prosecutor' }, { today });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value).toBeInstanceOf(ReferralRequest);
    expect(outcome.value.authority).toBe('Prosecutor');
  });

  it('answers a 422 validation problem with one entry per failing field', () => {
    const outcome = validateRequest(ReferralRequest, { on: '2021-02-29', authority: 7, court: 'x' }, { today });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({
      type: `${PROBLEM_TYPE_BASE}validation`,
      title: 'The request is not valid',
      status: 422,
      detail: '3 fields of the request are not valid.',
    });
    expect(outcome.problem.errors).toEqual([
      { path: 'court', message: 'property court should not exist' },
      { path: 'on', message: 'on must be a real calendar date written YYYY-MM-DD, in the years 1900 to 2999' },
      { path: 'authority', message: 'authority must be a string' },
    ]);
  });

  it('says "is required" for a missing field rather than every rule it then breaks', () => {
    const outcome = validateRequest(ReferralRequest, { on: '2021-03-02' }, { today });
    expect(outcome.ok ? [] : outcome.problem.errors).toEqual([{ path: 'authority', message: 'authority is required' }]);
  });

  it('rejects a body that is not a JSON object at the empty path', () => {
    for (const body of [[], 'text', 42, null]) {
      const outcome = validateRequest(ReferralRequest, body, { today });
      expect(outcome.ok ? [] : outcome.problem.errors).toEqual([{ path: '', message: 'the body must be a JSON object' }]);
    }
  });

  it('does not coerce text into numbers or booleans', () => {
    const outcome = validateRequest(
      ReportIncidentRequest,
      {
        reportId: 'r-1',
        mission: 'MINUSMA',
        occurredOn: '2021',
        category: 'accident',
        location: { placeName: 'Gao', lat: '16.27', lon: -0.04, precision: 'locality' },
        narrative: 'Vehicle accident.',
        sofaViolation: 'false',
      },
      { today },
    );
    expect(outcome.ok ? [] : outcome.problem.errors?.map((error) => error.path)).toEqual(['location.lat', 'sofaViolation']);
  });
});

describe('validateJsonRequest', () => {
  it('answers broken JSON with 400 and invalid fields with 422', () => {
    const broken = validateJsonRequest(ReferralRequest, '{"on": "2021-03-02",', { today });
    const invalid = validateJsonRequest(ReferralRequest, '{"on": "2021-03-02"}', { today });
    const valid = validateJsonRequest(ReferralRequest, '{"on": "2021-03-02", "authority": "Prosecutor"}', { today });
    expect([broken, invalid].map((outcome) => (outcome.ok ? 200 : outcome.problem.status))).toEqual([400, 422]);
    expect(valid.ok).toBe(true);
  });
});

describe('validateRequest and fields named like Object members', () => {
  it('reports them as unknown fields at any depth instead of dropping them', () => {
    const body = JSON.parse(
      '{"on": "2021-03-02", "authority": "Prosecutor", "constructor": 1, "__proto__": {"x": 1}, "toString": "y"}',
    ) as unknown;
    const outcome = validateRequest(ReferralRequest, body, { today });
    expect(outcome.ok ? [] : outcome.problem.errors?.map((error) => error.path)).toEqual(['__proto__', 'constructor', 'toString']);
    const nested = JSON.parse(
      '{"reportId": "r", "mission": "MINUSCA", "occurredOn": "2021", "category": "accident", "narrative": "n",' +
        ' "location": {"placeName": "Bria", "lat": 6.5, "lon": 22, "precision": "locality", "hasOwnProperty": true},' +
        ' "casualties": [{"personnelType": "police", "nationality": "SEN", "outcome": "injured", "valueOf": 0}]}',
    ) as unknown;
    const nestedOutcome = validateRequest(ReportIncidentRequest, nested, { today });
    expect(nestedOutcome.ok ? [] : nestedOutcome.problem.errors?.map((error) => error.path)).toEqual([
      'casualties[0].valueOf',
      'location.hasOwnProperty',
    ]);
  });
});
