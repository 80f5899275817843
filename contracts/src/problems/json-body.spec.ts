import { describe, expect, it } from '@jest/globals';
import { parseJsonBody } from './json-body.js';
import { isProblem, PROBLEM_TYPE_BASE } from './problem.js';

describe('parseJsonBody', () => {
  it('parses text and bytes', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseJsonBody(new TextEncoder().encode('[1,"é"]'))).toEqual({ ok: true, value: [1, 'é'] });
  });

  it('answers broken JSON with a 400 malformed-json problem', () => {
    const outcome = parseJsonBody('{"reportId": ');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toMatchObject({ type: `${PROBLEM_TYPE_BASE}malformed-json`, status: 400 });
    expect(outcome.problem.detail).toMatch(/^The body is not valid JSON/);
    expect(isProblem(outcome.problem)).toBe(true);
  });

  it('answers bytes that are not UTF-8 with the same problem', () => {
    const outcome = parseJsonBody(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(outcome).toMatchObject({ ok: false, problem: { status: 400, detail: 'The body is not UTF-8 text.' } });
  });
});

describe('isProblem', () => {
  it('tells a problem from a success reply', () => {
    expect(isProblem({ incidentId: 'x', caseId: null, status: 'accepted' })).toBe(false);
    expect(isProblem({ type: 'https://x', title: 't', status: 422, detail: 'd', errors: [] })).toBe(true);
    expect(isProblem(null)).toBe(false);
  });
});
