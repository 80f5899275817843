import { describe, expect, it } from '@jest/globals';
import { validateRequest } from '../problems/validate-request.js';
import { AsOfQuery, CaseListQuery } from './case.queries.js';
import { AccusedStepRequest, ClosureRequest, LinkIncidentRequest } from './case-step.requests.js';

const today = '2026-11-23';

describe('case step requests', () => {
  it('take `on` up to today, never after', () => {
    const on = (day: string) => validateRequest(ClosureRequest, { on: day, reason: 'Tried.' }, { today }).ok;
    expect(on('2026-11-23')).toBe(true);
    expect(on('2026-11-24')).toBe(false);
  });

  it('take optional details of an accused step, and refuse null for them', () => {
    const step = { on: '2022-10-12', stage: 'sentenced', sentence: '10 years', inAbsentia: false };
    expect(validateRequest(AccusedStepRequest, step, { today }).ok).toBe(true);
    const withNull = validateRequest(AccusedStepRequest, { ...step, court: null }, { today });
    expect(withNull.ok ? [] : withNull.problem.errors?.map((error) => error.path)).toEqual(['court']);
  });

  it('link incidents by UUID', () => {
    const link = (incidentId: string) => validateRequest(LinkIncidentRequest, { on: '2021-05-11', incidentId }, { today }).ok;
    expect(link('5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71')).toBe(true);
    expect(link('5b0c7e36')).toBe(false);
  });
});

describe('the case list query', () => {
  it('defaults to the first 50 cases', () => {
    const outcome = validateRequest(CaseListQuery, {});
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect({ limit: outcome.value.limit, offset: outcome.value.offset }).toEqual({ limit: 50, offset: 0 });
  });

  it('reads numbers from the text of a query string', () => {
    const outcome = validateRequest(CaseListQuery, { mission: 'MINUSCA', limit: '20', offset: '40' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
    expect(outcome.value).toMatchObject({ mission: 'MINUSCA', limit: 20, offset: 40 });
  });

  it('refuses pages beyond 500 and numbers that are not whole', () => {
    const outcome = validateRequest(CaseListQuery, { limit: '501', offset: '1.5' });
    expect(outcome.ok ? [] : outcome.problem.errors).toEqual([
      { path: 'limit', message: 'limit must not be greater than 500' },
      { path: 'offset', message: 'offset must be a whole number' },
    ]);
  });
});

describe('the as-of query', () => {
  it('takes a day, which may lie after today', () => {
    expect(validateRequest(AsOfQuery, { asOf: '2030-01-01' }, { today }).ok).toBe(true);
    expect(validateRequest(AsOfQuery, { asOf: '2030-02-30' }, { today }).ok).toBe(false);
  });
});
