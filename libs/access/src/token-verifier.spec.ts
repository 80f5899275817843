import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CompactSign, generateKeyPair, SignJWT } from 'jose';
import { invalidTokenReason } from '../test/fixtures/invalid-token-reason.js';
import { temporaryDirectory } from '../test/fixtures/temporary-directory.js';
import { InvalidTokenError } from './access.errors.js';
import { ensureDevelopmentKey, type DevelopmentKey } from './development-key.js';
import { issueDevelopmentToken, type DevelopmentClaims } from './development-token.js';
import { TokenVerifier } from './token-verifier.js';
import { DEVELOPMENT_AUDIENCE, DEVELOPMENT_ISSUER } from './verification-policy.js';

const officer: DevelopmentClaims = {
  sub: 'officer-17',
  roles: ['case-officer'],
  missions: ['MONUSCO'],
  clearance: ['personal-data'],
};

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('TokenVerifier with the development key', () => {
  let keyDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let key: DevelopmentKey;
  let verifier: TokenVerifier;
  const issued = (claims: DevelopmentClaims = officer, options = {}): Promise<string> =>
    issueDevelopmentToken(keyDir.path, claims, options);
  /** Signed with the development key but otherwise as the test wants it. */
  const signed = (payload: Record<string, unknown>): SignJWT =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setSubject('officer-17')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE);

  beforeAll(async () => {
    keyDir = await temporaryDirectory('verifier');
    key = await ensureDevelopmentKey(keyDir.path);
    verifier = await TokenVerifier.create({ devKeyDir: keyDir.path });
  });
  afterAll(() => keyDir.remove());

  it('trusts the development key when no JWKS URL is set', () => {
    expect(verifier.mode).toBe('development');
  });

  it('gives the principal a valid token describes', async () => {
    await expect(verifier.verify(await issued())).resolves.toEqual({
      sub: 'officer-17',
      roles: ['case-officer'],
      missions: ['MONUSCO'],
      clearances: ['personal-data'],
    });
  });

  it('reads a member-state principal with its memberState', async () => {
    const token = await issued({ sub: 'mali-1', roles: ['member-state'], memberState: 'MLI' });
    await expect(verifier.verify(token)).resolves.toEqual({
      sub: 'mali-1',
      roles: ['member-state'],
      missions: [],
      memberState: 'MLI',
      clearances: [],
    });
  });

  it('reads the token of an Authorization header whatever the case of the Bearer scheme', async () => {
    const token = await issued();
    for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token} `]) {
      await expect(verifier.principalOfAuthorization(header)).resolves.toMatchObject({ sub: 'officer-17' });
    }
  });

  it('refuses a request without an Authorization header', async () => {
    expect(await invalidTokenReason(verifier.principalOfAuthorization(undefined))).toMatch(/header is missing/);
    expect(await invalidTokenReason(verifier.principalOfAuthorization('  '))).toMatch(/header is missing/);
  });

  it('refuses an Authorization header of another scheme, or a Bearer header without a token', async () => {
    for (const header of ['Basic b2ZmaWNlcjpzZWNyZXQ=', 'Bearer', 'Bearer two parts', 'Token abc.def.ghi']) {
      expect(await invalidTokenReason(verifier.principalOfAuthorization(header))).toMatch(/not hold a Bearer token/);
    }
  });

  it('refuses a malformed token', async () => {
    const signedNonsense = await new CompactSign(new TextEncoder().encode('not a claims set'))
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .sign(key.privateKey);
    for (const token of ['not-a-token', 'a.b.c', `${base64url({ alg: 'EdDSA' })}`, signedNonsense]) {
      expect(await invalidTokenReason(verifier.verify(token))).toBe('the token is malformed');
    }
  });

  it('refuses an unsigned token (alg none)', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({
      sub: 'intruder',
      roles: ['admin'],
      iss: DEVELOPMENT_ISSUER,
      aud: DEVELOPMENT_AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 3600,
    })}.`;
    expect(await invalidTokenReason(verifier.verify(unsigned))).toMatch(/signing algorithm is not accepted/);
  });

  it('refuses a token signed with a shared secret (HS256)', async () => {
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setSubject('intruder')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a secret anyone with the verifier config might know'));
    expect(await invalidTokenReason(verifier.verify(token))).toMatch(/signing algorithm is not accepted/);
  });

  it('refuses a token signed by another key that claims the development key id', async () => {
    const { privateKey: otherKey } = await generateKeyPair('EdDSA');
    const token = await signed({ roles: ['admin'] }).setExpirationTime('1h').sign(otherKey);
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token signature is not valid');
  });

  it('refuses a token signed by a key it does not know', async () => {
    const { privateKey: otherKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'someone-else' })
      .setSubject('intruder')
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(otherKey);
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token is not signed by a trusted key');
  });

  it('refuses an expired token', async () => {
    const token = await issued(officer, { expiresIn: -120 });
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token has expired');
  });

  it('accepts a token expired by less than the clock tolerance', async () => {
    const token = await issued(officer, { expiresIn: -10 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ sub: 'officer-17' });
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await issued(officer, { notBefore: '5 minutes' });
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token is not valid yet');
  });

  it('refuses a token meant for another audience', async () => {
    const token = await issued(officer, { audience: 'another-application' });
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token is not meant for this audience');
  });

  it('refuses a token from another issuer', async () => {
    const token = await issued(officer, { issuer: 'https://elsewhere.example' });
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token was not issued by the expected issuer');
  });

  it('refuses a token without an expiry', async () => {
    const token = await signed({ roles: ['case-officer'] }).sign(key.privateKey);
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token has no exp claim');
  });

  it('refuses a token that carries none of our roles', async () => {
    const token = await signed({ roles: ['superuser', 'editor'] }).setExpirationTime('1h').sign(key.privateKey);
    expect(await invalidTokenReason(verifier.verify(token))).toMatch(/none of the roles/);
  });

  it('refuses a token without a subject', async () => {
    const token = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .setIssuer(DEVELOPMENT_ISSUER)
      .setAudience(DEVELOPMENT_AUDIENCE)
      .setExpirationTime('1h')
      .sign(key.privateKey);
    expect(await invalidTokenReason(verifier.verify(token))).toMatch(/no subject/);
  });

  it('never repeats the token in the error', async () => {
    const tokens = [
      await issued(officer, { expiresIn: -120 }),
      await issued(officer, { audience: 'another-application' }),
      await signed({ roles: ['superuser'] }).setExpirationTime('1h').sign(key.privateKey),
    ];
    for (const token of tokens) {
      const error = await verifier.verify(token).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(InvalidTokenError);
      const { message, reason } = error as InvalidTokenError;
      for (const part of token.split('.')) {
        expect(message).not.toContain(part);
        expect(reason).not.toContain(part);
      }
    }
  });
});
