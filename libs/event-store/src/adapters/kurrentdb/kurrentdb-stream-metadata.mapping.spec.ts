import { describe, expect, it } from '@jest/globals';
import { fromKurrentStreamMetadata, toKurrentStreamMetadata } from './kurrentdb-stream-metadata.mapping.js';
import { ReservedStreamMetadataKeyError } from './kurrentdb.errors.js';

describe('kurrentdb stream metadata mapping', () => {
  it('writes the reserved fields under KurrentDB names and custom fields beside them', () => {
    const body = toKurrentStreamMetadata('case-1', {
      maxCount: 10,
      maxAge: 3600,
      truncateBefore: 4,
      custom: { owner: 'intake', tags: ['a'] },
    });
    expect(body).toEqual({ $maxCount: 10, $maxAge: 3600, $tb: 4, owner: 'intake', tags: ['a'] });
  });

  it('reads back what it writes', () => {
    const metadata = { maxCount: 1, truncateBefore: 0, custom: { owner: 'c' } };
    expect(fromKurrentStreamMetadata(toKurrentStreamMetadata('case-1', metadata))).toEqual(metadata);
    expect(fromKurrentStreamMetadata(toKurrentStreamMetadata('case-1', {}))).toEqual({});
  });

  it('refuses custom keys that KurrentDB reserves', () => {
    expect(() => toKurrentStreamMetadata('case-1', { custom: { $acl: {} } })).toThrow(ReservedStreamMetadataKeyError);
  });

  it('leaves out reserved fields the port has no name for, and bodies that are not objects', () => {
    expect(fromKurrentStreamMetadata({ $acl: { $r: '$all' }, $cacheControl: 5, $maxAge: 60 })).toEqual({ maxAge: 60 });
    expect(fromKurrentStreamMetadata('not json object')).toEqual({});
    expect(fromKurrentStreamMetadata(null)).toEqual({});
  });
});
