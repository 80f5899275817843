import { describe, expect, it } from '@jest/globals';
import { isSealedValue } from './sealed-value.js';

const sealed = { $sealed: 'A256GCM', key: 'k-1', iv: 'AAECAwQFBgcICQoL', data: 'q83v_-0' };

describe('isSealedValue', () => {
  it('accepts exactly the sealed shape', () => {
    expect(isSealedValue(sealed)).toBe(true);
  });

  it.each([
    ['another algorithm', { ...sealed, $sealed: 'A128GCM' }],
    ['an extra field', { ...sealed, name: 'x' }],
    ['a missing field', { $sealed: 'A256GCM', key: 'k-1', iv: 'AAECAwQFBgcICQoL' }],
    ['an empty key id', { ...sealed, key: '' }],
    ['standard base64 instead of base64url', { ...sealed, data: 'q83v/+0=' }],
    ['a string', 'A256GCM'],
    ['null', null],
    ['an array', [sealed]],
  ])('refuses %s', (_label, value) => {
    expect(isSealedValue(value)).toBe(false);
  });
});
