import { describe, expect, it } from '@jest/globals';
import { bearerTokenOf } from './bearer-token.js';

describe('bearerTokenOf', () => {
  it('gives the token of a Bearer header, whatever the case of the scheme', () => {
    expect(bearerTokenOf('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerTokenOf('bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerTokenOf('  BEARER   abc.def.ghi  ')).toBe('abc.def.ghi');
  });

  it('gives nothing for a missing header, another scheme, or a Bearer header without one token', () => {
    expect(bearerTokenOf(undefined)).toBeUndefined();
    expect(bearerTokenOf('')).toBeUndefined();
    expect(bearerTokenOf('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerTokenOf('Bearer')).toBeUndefined();
    expect(bearerTokenOf('Bearer ')).toBeUndefined();
    expect(bearerTokenOf('Bearer one two')).toBeUndefined();
    expect(bearerTokenOf('Bearerabc.def.ghi')).toBeUndefined();
  });
});
