import { describe, expect, it } from '@jest/globals';
import { UnknownCaseEventError, upcastCaseEvent } from './case.events.js';
import { caseStream } from './case.stream.js';

describe('case events as stored', () => {
  it('reads a stored event of the current shape as it is, metadata left behind', () => {
    const stored = { type: 'CaseReferred', data: { on: '2021-03-20', authority: 'Procureur' }, metadata: { schemaVersion: 1 } };

    expect(upcastCaseEvent(stored)).toEqual({ type: 'CaseReferred', data: { on: '2021-03-20', authority: 'Procureur' } });
  });

  it('refuses a stored event whose type is not a case event', () => {
    expect(() => upcastCaseEvent({ type: 'IncidentReported', data: {} })).toThrow(UnknownCaseEventError);
  });

  it('names the stream of a case by its id under the case category', () => {
    expect(caseStream('7f1c2a4e')).toBe('case-7f1c2a4e');
  });
});
