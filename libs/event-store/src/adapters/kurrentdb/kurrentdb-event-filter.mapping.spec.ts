import { describe, expect, it } from '@jest/globals';
import { checkpointStreamOf, isVisibleInLog, toServerFilter } from './kurrentdb-event-filter.mapping.js';

describe('kurrentdb event filter mapping', () => {
  it('filters on stream prefixes on the server when the port names any', () => {
    expect(toServerFilter({ streamPrefixes: ['case-', 'incident-'], eventTypes: ['CaseOpened'] })).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['case-', 'incident-'],
    });
  });

  it('filters on exact event types, not prefixes, when only types are named', () => {
    const filter = toServerFilter({ eventTypes: ['CaseOpened', 'Accused.Convicted'] });
    expect(filter).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((filter as { regex: string }).regex);
    expect(regex.test('CaseOpened')).toBe(true);
    expect(regex.test('Accused.Convicted')).toBe(true);
    expect(regex.test('AccusedXConvicted')).toBe(false);
    expect(regex.test('CaseOpenedAgain')).toBe(false);
  });

  it('drops system events on the server when the port gives no filter', () => {
    const filter = toServerFilter(undefined) as { filterOn: string; regex: string };
    expect(filter.filterOn).toBe('eventType');
    expect(new RegExp(filter.regex).test('$metadata')).toBe(false);
    expect(new RegExp(filter.regex).test('CaseOpened')).toBe(true);
  });

  it('keeps system and checkpoint events out of the log and applies both filter lists', () => {
    const filter = { streamPrefixes: ['case-'], eventTypes: ['CaseOpened'] };
    expect(isVisibleInLog({ streamName: 'case-1', type: 'CaseOpened' }, filter)).toBe(true);
    expect(isVisibleInLog({ streamName: 'case-1', type: 'CaseClosed' }, filter)).toBe(false);
    expect(isVisibleInLog({ streamName: 'incident-1', type: 'CaseOpened' }, filter)).toBe(false);
    expect(isVisibleInLog({ streamName: '$$case-1', type: '$metadata' }, undefined)).toBe(false);
    expect(isVisibleInLog({ streamName: 'case-1', type: '$streamDeleted' }, undefined)).toBe(false);
    expect(isVisibleInLog({ streamName: checkpointStreamOf('relay'), type: 'CheckpointSaved' }, undefined)).toBe(false);
  });
});
