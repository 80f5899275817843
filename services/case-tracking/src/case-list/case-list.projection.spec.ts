import { describe, expect, it } from '@jest/globals';
import { projectionSpec } from '@bluehelm/event-sourcing/testing';
import { accusedIdentified, CASE_ID, caseOpened, caseReferred } from '../cases/case.fixtures.js';
import { evolveCase, initialCaseState } from '../cases/case.state.js';
import { evolveCaseListEntry, type CaseListEntry, type PositionedCaseEvent } from './case-list.projection.js';

const at = (position: number, revision: number, event: PositionedCaseEvent['event']): PositionedCaseEvent => ({
  caseId: CASE_ID,
  revision,
  position,
  event,
});

const opened = at(10, 0, caseOpened());
const referred = at(14, 1, caseReferred('2021-03-20'));
const identified = at(21, 2, accusedIdentified('p1', '2021-05-01'));

const folded = (...events: PositionedCaseEvent[]) => events.reduce((state, { event }) => evolveCase(state, event), initialCaseState());

describe('the case list entry of one case', () => {
  it('folds the case events and remembers the revision and position of the last one', () => {
    projectionSpec(evolveCaseListEntry, null as CaseListEntry | null)
      .given([opened, referred, identified])
      .then({ caseId: CASE_ID, revision: 2, lastPosition: 21, state: folded(opened, referred, identified) });
  });

  it('ignores an event at or before the last position it applied', () => {
    const entry = evolveCaseListEntry(evolveCaseListEntry(null, opened), referred);

    expect(evolveCaseListEntry(entry, opened)).toBe(entry);
    expect(evolveCaseListEntry(entry, referred)).toBe(entry);
  });
});
