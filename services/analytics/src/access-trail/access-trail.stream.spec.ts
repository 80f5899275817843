import { describe, expect, it } from '@jest/globals';
import { conventionalStreamOf, storedStreamOf, StreamlessEntryError, streamOfStored } from './access-trail.stream.js';

const CASE = '7c3f0c1e-2a4b-4d6e-8f90-a1b2c3d4e5f6';
const INCIDENT = '6f1c2a52-0b7e-4c8e-9a3e-2d1f0c9b8a71';

describe('the stream of an access trail entry', () => {
  it('is by convention the access stream of a read of personal data, and the resource stream of any other access', () => {
    expect(conventionalStreamOf('read-personal-data', { type: 'incident', id: INCIDENT })).toBe(`access-${INCIDENT}`);
    expect(conventionalStreamOf('write', { type: 'incident', id: INCIDENT })).toBe(`incident-${INCIDENT}`);
    expect(conventionalStreamOf('erase-personal-data', { type: 'case', id: CASE })).toBe(`case-${CASE}`);
  });

  it('is stored only when it is not the conventional one', () => {
    expect(storedStreamOf(`case-${CASE}`, 'write', { type: 'case', id: CASE })).toBeNull();
    expect(storedStreamOf(`access-${CASE}`, 'read-personal-data', { type: 'case', id: CASE })).toBeNull();
    expect(storedStreamOf(`case-${CASE.toUpperCase()}`, 'write', { type: 'case', id: CASE })).toBe(`case-${CASE.toUpperCase()}`);
    expect(storedStreamOf(`access-${INCIDENT}`, 'read-personal-data', { type: 'case', id: CASE })).toBe(`access-${INCIDENT}`);
    expect(storedStreamOf('legacy', 'write', null)).toBe('legacy');
  });

  it('is read back as stored, or derived from the action and resource', () => {
    for (const [stream, action, resource] of [
      [`case-${CASE}`, 'write', { type: 'case', id: CASE }],
      [`access-${CASE}`, 'read-personal-data', { type: 'case', id: CASE }],
      [`access-${INCIDENT}`, 'read-personal-data', { type: 'case', id: CASE }],
      ['legacy', 'write', null],
    ] as const) {
      expect(streamOfStored(7, storedStreamOf(stream, action, resource), action, resource)).toBe(stream);
    }
  });

  it('cannot be read back from an entry with neither a stream nor a resource', () => {
    expect(() => streamOfStored(7, null, 'write', null)).toThrow(StreamlessEntryError);
  });
});
