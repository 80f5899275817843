import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@bluehelm/event-store';
import type { CaseEvent } from '../cases/case.events.js';
import { accusedIdentified, accusedStep, caseClosed, caseOpened, caseReferred } from '../cases/case.fixtures.js';
import { listCases } from './case-list.query.js';
import { CaseListStore } from './case-list.store.js';

const MALI_CASE = '11111111-1111-4111-8111-111111111111';
const DRC_CASE = '22222222-2222-4222-8222-222222222222';
const CAR_CASE = '33333333-3333-4333-8333-333333333333';

let position = 0;
const revisions = new Map<string, number>();
function recorded(caseId: string, event: CaseEvent | { type: string; data: unknown }): RecordedEvent {
  const revision = (revisions.get(caseId) ?? -1) + 1;
  revisions.set(caseId, revision);
  position += 1;
  return { ...event, id: `e${position}`, metadata: {}, streamName: `case-${caseId}`, revision, position, createdAt: '2024-06-30T10:00:00Z' };
}

// Three cases, their events interleaved in the log as they would be.
const log: RecordedEvent[] = [
  recorded(MALI_CASE, caseOpened({ caseId: MALI_CASE, openedOn: '2021-03-15' })),
  recorded(DRC_CASE, caseOpened({ caseId: DRC_CASE, mission: 'MONUSCO', hostState: 'COD', incidentOccurredOn: '2020-06', openedOn: '2020-06-01' })),
  recorded(MALI_CASE, caseReferred('2021-03-20')),
  recorded(CAR_CASE, caseOpened({ caseId: CAR_CASE, mission: 'MINUSCA', hostState: 'CAF', incidentOccurredOn: '2019', openedOn: '2019-01-01' })),
  recorded(DRC_CASE, accusedIdentified('p1', '2020-07-01')),
  recorded(DRC_CASE, accusedStep('charged', 'p1', '2020-08-01')),
  recorded(CAR_CASE, caseClosed('2022-01-01')),
];

const ALL = { limit: 50, offset: 0 };

function storeFed(events: readonly RecordedEvent[]): CaseListStore {
  const store = new CaseListStore();
  for (const event of events) store.apply(event);
  return store;
}

describe('the case list', () => {
  it('lists every case, oldest opening first, with its stage and revision', () => {
    const list = listCases(storeFed(log).cases(), ALL);

    expect(list.total).toBe(3);
    expect(list.items.map((item) => [item.caseId, item.stage, item.revision, item.accusedCount])).toEqual([
      [CAR_CASE, 'closed', 1, 0],
      [DRC_CASE, 'prosecution', 2, 1],
      [MALI_CASE, 'referred', 1, 0],
    ]);
    expect(list.items[0]).toMatchObject({ status: 'closed', mission: 'MINUSCA', hostState: 'CAF', incidentOccurredOn: '2019' });
  });

  it('is the same after the whole log is delivered again', () => {
    const store = storeFed([...log, ...log]);

    expect(listCases(store.cases(), ALL)).toEqual(listCases(storeFed(log).cases(), ALL));
    expect(store.lastPosition).toBe(log[log.length - 1]?.position);
  });

  it('filters by host state, mission and stage', () => {
    const store = storeFed(log);

    expect(listCases(store.cases(), { ...ALL, hostState: 'MLI' }).items.map((item) => item.caseId)).toEqual([MALI_CASE]);
    expect(listCases(store.cases(), { ...ALL, mission: 'MONUSCO' }).items.map((item) => item.caseId)).toEqual([DRC_CASE]);
    expect(listCases(store.cases(), { ...ALL, stage: 'closed' }).items.map((item) => item.caseId)).toEqual([CAR_CASE]);
    expect(listCases(store.cases(), { ...ALL, hostState: 'MLI', stage: 'closed' })).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });

  it('pages through the ordered list, counting every match', () => {
    const page = listCases(storeFed(log).cases(), { limit: 1, offset: 1 });

    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((item) => item.caseId)).toEqual([DRC_CASE]);
  });

  it('ignores an event type it does not know, and keeps going', () => {
    const store = new CaseListStore();

    expect(store.apply(recorded(MALI_CASE, { type: 'CaseRenamed', data: {} }))).toBe('ignored');
    expect(store.lastPosition).toBe(position);
  });
});
