import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { invalidTokenReason } from '../test/fixtures/invalid-token-reason.js';
import { temporaryDirectory } from '../test/fixtures/temporary-directory.js';
import { issueDevelopmentToken } from './development-token.js';
import { TokenVerifier } from './token-verifier.js';

describe('TokenVerifier cache', () => {
  let keyDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  beforeAll(async () => {
    keyDir = await temporaryDirectory('cache');
  });
  afterAll(() => keyDir.remove());

  it('answers a token it has verified with the same principal, without verifying it again', async () => {
    const verifier = await TokenVerifier.create({ devKeyDir: keyDir.path });
    const token = await issueDevelopmentToken(keyDir.path, { sub: 'analyst-1', roles: ['analyst'] });
    const first = await verifier.verify(token);
    // A verification builds a new principal; the same object means none took place.
    expect(await verifier.verify(token)).toBe(first);
    expect(await verifier.principalOfAuthorization(`Bearer ${token}`)).toBe(first);
    const another = await TokenVerifier.create({ devKeyDir: keyDir.path });
    const verifiedAgain = await another.verify(token);
    expect(verifiedAgain).toEqual(first);
    expect(verifiedAgain).not.toBe(first);
  });

  it('stops answering from the cache at the token expiry, and refuses the token once expired', async () => {
    let now = Date.now();
    const verifier = await TokenVerifier.create({ devKeyDir: keyDir.path }, { clock: () => now });
    const token = await issueDevelopmentToken(keyDir.path, { sub: 'analyst-1', roles: ['analyst'] }, { expiresIn: 60 });
    const first = await verifier.verify(token);

    now += 55_000;
    expect(await verifier.verify(token)).toBe(first);

    // Past exp the cache is silent; full verification still allows for clock drift.
    now += 10_000;
    const reverified = await verifier.verify(token);
    expect(reverified).toEqual(first);
    expect(reverified).not.toBe(first);

    now += 60_000;
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token has expired');
  });

  it('does not remember a refused token', async () => {
    let now = Date.now();
    const verifier = await TokenVerifier.create({ devKeyDir: keyDir.path }, { clock: () => now });
    const token = await issueDevelopmentToken(
      keyDir.path,
      { sub: 'analyst-1', roles: ['analyst'] },
      { notBefore: 120, expiresIn: 3600 },
    );
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token is not valid yet');
    now += 130_000;
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'analyst-1' });
  });

  it('keeps at most the configured number of tokens', async () => {
    const verifier = await TokenVerifier.create({ devKeyDir: keyDir.path }, { cacheSize: 1 });
    const tokenA = await issueDevelopmentToken(keyDir.path, { sub: 'a', roles: ['analyst'] });
    const tokenB = await issueDevelopmentToken(keyDir.path, { sub: 'b', roles: ['analyst'] });
    const firstA = await verifier.verify(tokenA);
    await verifier.verify(tokenB);
    expect(await verifier.verify(tokenA)).not.toBe(firstA);
  });
});
