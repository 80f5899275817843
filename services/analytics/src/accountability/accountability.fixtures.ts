// A small history of cases in two host states, for the report specs.
import type { CaseEventDataByType, CaseEventType } from '@bluehelm/contracts';
import { asLogEvents, caseEvent, caseOpened, type StoryEvent } from '../analytics.fixtures.js';
import { accountabilityFactsProjection } from './accountability-facts.projection.js';
import { AccountabilityIndex } from './accountability-index.js';

export const CASE_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const CASE_B = 'bbbbbbbb-0000-4000-8000-000000000002';
export const CASE_C = 'cccccccc-0000-4000-8000-000000000003';
export const CASE_D = 'dddddddd-0000-4000-8000-000000000004';
export const CASE_E = 'eeeeeeee-0000-4000-8000-000000000005';
const P1 = 'person-1';
const P2 = 'person-2';
const P3 = 'person-3';

/** Recorded the day after it happened, at noon UTC. */
function dayAfter(on: string): string {
  const next = new Date(Date.parse(`${on}T12:00:00Z`) + 86_400_000);
  return next.toISOString();
}

function step<Type extends Exclude<CaseEventType, 'CaseOpened'>>(
  caseId: string,
  type: Type,
  data: CaseEventDataByType[Type],
  recordedAt?: string,
): StoryEvent {
  return caseEvent(caseId, type, data, recordedAt ?? dayAfter(data.on));
}

/**
 * A: MLI, incident 2019-06-01, two accused; P1 convicted on 2021-03-01 but recorded only on
 * 2021-03-05 (with P2's acquittal), closed 2021-06-01. B: MLI, incident known to the year 2020,
 * no step since. C: CAF (MINUSCA), closed. D: MLI, incident 2021-06-01, referred. E: MLI, P3
 * convicted 182 days after the incident, closed.
 */
export const CASE_HISTORY: readonly StoryEvent[] = [
  caseOpened(CASE_A, { hostState: 'MLI', incidentOccurredOn: '2019-06-01' }, '2019-06-02T08:00:00.000Z'),
  step(CASE_A, 'CaseReferred', { on: '2019-07-01', authority: 'Pôle judiciaire spécialisé' }),
  step(CASE_A, 'InvestigationOpened', { on: '2019-08-01', authority: 'Pôle judiciaire spécialisé' }),
  step(CASE_A, 'SupportActionRecorded', { on: '2019-09-01', supportId: 's1', kind: 'forensic', provider: 'UNPOL' }),
  caseOpened(CASE_B, { hostState: 'MLI', incidentOccurredOn: '2020' }, '2020-02-01T08:00:00.000Z'),
  caseOpened(CASE_E, { hostState: 'MLI', incidentOccurredOn: '2020-01-01' }, '2020-01-02T08:00:00.000Z'),
  step(CASE_A, 'AccusedIdentified', { on: '2020-01-10', personId: P1, name: 'P. One', kind: 'individual' }),
  step(CASE_A, 'AccusedIdentified', { on: '2020-01-10', personId: P2, name: 'P. Two', kind: 'individual' }),
  step(CASE_E, 'AccusedIdentified', { on: '2020-02-01', personId: P3, name: 'P. Three', kind: 'individual' }),
  step(CASE_A, 'AccusedWarrantIssued', { on: '2020-02-01', personId: P1 }),
  step(CASE_A, 'AccusedArrested', { on: '2020-03-01', personId: P1 }),
  step(CASE_E, 'AccusedCharged', { on: '2020-03-01', personId: P3 }),
  step(CASE_A, 'AccusedCharged', { on: '2020-04-01', personId: P1 }),
  step(CASE_A, 'AccusedCharged', { on: '2020-04-01', personId: P2 }),
  step(CASE_A, 'SupportActionRecorded', { on: '2020-05-01', supportId: 's2', kind: 'training', provider: 'UNDP' }),
  step(CASE_E, 'AccusedTried', { on: '2020-06-01', personId: P3, inAbsentia: false }),
  caseOpened(CASE_C, { hostState: 'CAF', mission: 'MINUSCA', incidentOccurredOn: '2020-06-15' }, '2020-06-16T08:00:00.000Z'),
  step(CASE_E, 'AccusedConvicted', { on: '2020-07-01', personId: P3 }),
  step(CASE_E, 'CaseClosed', { on: '2020-08-01', reason: 'verdict final' }),
  step(CASE_C, 'CaseClosed', { on: '2020-09-01', reason: 'no suspect' }),
  step(CASE_A, 'AccusedTried', { on: '2021-01-10', personId: P1, inAbsentia: false }),
  step(CASE_A, 'AccusedTried', { on: '2021-01-10', personId: P2, inAbsentia: false }),
  step(CASE_A, 'AccusedConvicted', { on: '2021-03-01', personId: P1 }, '2021-03-05T10:00:00.000Z'),
  step(CASE_A, 'AccusedAcquitted', { on: '2021-03-01', personId: P2 }, '2021-03-05T10:00:01.000Z'),
  step(CASE_A, 'AccusedSentenced', { on: '2021-04-01', personId: P1, sentence: '10 years' }),
  caseOpened(CASE_D, { hostState: 'MLI', incidentOccurredOn: '2021-06-01' }, '2021-06-03T08:00:00.000Z'),
  step(CASE_A, 'CaseClosed', { on: '2021-06-01', reason: 'verdict final' }),
  step(CASE_D, 'CaseReferred', { on: '2021-08-01', authority: 'Pôle judiciaire spécialisé' }),
];

/** The index the projection builds from these events (in this order, as the log would hold them). */
export function indexOf(events: readonly StoryEvent[]): AccountabilityIndex {
  const index = new AccountabilityIndex();
  for (const event of asLogEvents(events)) {
    for (const fact of accountabilityFactsProjection.rowsOf(event)) index.add(fact);
  }
  return index;
}
