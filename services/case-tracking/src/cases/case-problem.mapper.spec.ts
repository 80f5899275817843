import { describe, expect, it, jest } from '@jest/globals';
import { ConcurrencyConflictError, StaleRevisionError } from '@bluehelm/event-sourcing';
import { answeringProblems, problemForCaseError } from './case-problem.mapper.js';
import { CaseClosedError, CaseNotOpenedError, UnknownAccusedError, VerdictAlreadyGivenError } from './case.errors.js';

const CASE = 'c0ffee00-0000-4000-8000-000000000001';

describe('problems for case errors', () => {
  it('answers 404 for a case that was never opened', () => {
    expect(problemForCaseError(new CaseNotOpenedError(), CASE)).toMatchObject({ status: 404, detail: `There is no case ${CASE}.` });
  });

  it('answers 412 for a stale revision, and 404 when the stream does not exist at all', () => {
    expect(problemForCaseError(new StaleRevisionError(`case-${CASE}`, 2, 5), CASE)).toMatchObject({
      status: 412,
      code: 'stale-revision',
      detail: 'The case is at revision 5, not 2.',
    });
    expect(problemForCaseError(new StaleRevisionError(`case-${CASE}`, 2, 'no-stream'), CASE)).toMatchObject({ status: 404 });
  });

  it('answers 409 with its code for a conflict that outlasted the retries', () => {
    expect(problemForCaseError(new ConcurrencyConflictError(`case-${CASE}`, 3, 4), CASE)).toMatchObject({
      status: 409,
      code: 'concurrency-conflict',
    });
  });

  it('answers 409 with the rule code and the rule as a sentence for every broken rule', () => {
    expect(problemForCaseError(new CaseClosedError('2023-01-10'), CASE)).toMatchObject({
      status: 409,
      code: 'case-closed',
      detail: 'The case was closed on 2023-01-10; no step can be recorded after closure.',
    });
    expect(problemForCaseError(new VerdictAlreadyGivenError('p1', 'acquitted', 'convicted'), CASE)).toMatchObject({
      status: 409,
      code: 'verdict-already-given',
    });
  });

  it('answers 404 with its code for an unknown accused person', () => {
    expect(problemForCaseError(new UnknownAccusedError('p9'), CASE)).toMatchObject({ status: 404, code: 'unknown-accused' });
  });

  it('answers 500 without the details of an unexpected failure', () => {
    const problem = problemForCaseError(new Error('disk I/O error at /var/lib/bluehelm'), CASE);

    expect(problem).toMatchObject({ status: 500 });
    expect(JSON.stringify(problem)).not.toContain('/var/lib');
  });

  it('reports only the unexpected failures it turns into answers', async () => {
    const report = jest.fn();

    await expect(answeringProblems(CASE, () => Promise.reject(new CaseNotOpenedError()), report)).resolves.toMatchObject({ status: 404 });
    await expect(answeringProblems(CASE, () => Promise.reject(new Error('boom')), report)).resolves.toMatchObject({ status: 500 });
    expect(report).toHaveBeenCalledTimes(1);
  });
});
