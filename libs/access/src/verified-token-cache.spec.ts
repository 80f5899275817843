import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@bluehelm/contracts';
import { VerifiedTokenCache } from './verified-token-cache.js';

const principal = (sub: string): Principal => ({ sub, roles: ['analyst'], missions: [], clearances: [] });

describe('VerifiedTokenCache', () => {
  it('answers for a token until its expiry, and not from then on', () => {
    let now = 1_000;
    const cache = new VerifiedTokenCache(10, () => now);
    const analyst = principal('analyst-1');
    cache.remember('token-a', analyst, 2_000);
    now = 1_999;
    expect(cache.principalOf('token-a')).toBe(analyst);
    now = 2_000;
    expect(cache.principalOf('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not remember a token that has already expired', () => {
    const cache = new VerifiedTokenCache(10, () => 5_000);
    cache.remember('token-a', principal('analyst-1'), 5_000);
    expect(cache.principalOf('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets the oldest token when full', () => {
    const cache = new VerifiedTokenCache(2, () => 0);
    cache.remember('token-a', principal('a'), 10_000);
    cache.remember('token-b', principal('b'), 10_000);
    cache.remember('token-c', principal('c'), 10_000);
    expect(cache.size).toBe(2);
    expect(cache.principalOf('token-a')).toBeUndefined();
    expect(cache.principalOf('token-b')?.sub).toBe('b');
    expect(cache.principalOf('token-c')?.sub).toBe('c');
  });

  it('refuses a capacity that could hold nothing', () => {
    expect(() => new VerifiedTokenCache(0, () => 0)).toThrow(RangeError);
  });
});
