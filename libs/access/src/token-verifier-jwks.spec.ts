import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { invalidTokenReason } from '../test/fixtures/invalid-token-reason.js';
import { temporaryDirectory } from '../test/fixtures/temporary-directory.js';
import { AuthSettingsError, VerificationUnavailableError } from './access.errors.js';
import { issueDevelopmentToken } from './development-token.js';
import { TokenVerifier } from './token-verifier.js';

const ISSUER = 'https://login.example.org/realms/un';
const AUDIENCE = 'bluehelm-api';

interface ProviderKey {
  readonly alg: 'ES256' | 'RS256';
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function providerKey(alg: ProviderKey['alg'], kid: string): Promise<ProviderKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** An identity provider's JWKS endpoint: the keys given, and a count of the requests it served. */
async function jwksServer(keys: readonly JWK[]): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    if (request.url !== '/jwks') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks`,
    requests: () => requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

describe('TokenVerifier with an identity provider (JWKS URL)', () => {
  let keyDir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let ecKey: ProviderKey;
  let rsaKey: ProviderKey;
  let provider: Awaited<ReturnType<typeof jwksServer>>;
  let verifier: TokenVerifier;

  const tokenOf = (key: ProviderKey, overrides: { iss?: string; aud?: string } = {}): Promise<string> =>
    new SignJWT({ roles: ['auditor', 'offline_access'], clearance: 'personal-data' })
      .setProtectedHeader({ alg: key.alg, kid: key.kid })
      .setSubject('auditor-9')
      .setIssuer(overrides.iss ?? ISSUER)
      .setAudience(overrides.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);

  beforeAll(async () => {
    keyDir = await temporaryDirectory('jwks');
    [ecKey, rsaKey] = await Promise.all([providerKey('ES256', 'ec-1'), providerKey('RS256', 'rsa-1')]);
    provider = await jwksServer([ecKey.publicJwk, rsaKey.publicJwk]);
    verifier = await TokenVerifier.create({ jwksUrl: provider.url, issuer: ISSUER, audience: AUDIENCE, devKeyDir: keyDir.path });
  });
  afterAll(async () => {
    await provider.close();
    await keyDir.remove();
  });

  it('trusts the identity provider', () => {
    expect(verifier.mode).toBe('identity-provider');
  });

  it('accepts tokens signed with any key of the provider JWKS, fetching the keys once', async () => {
    const expected = { sub: 'auditor-9', roles: ['auditor'], missions: [], clearances: ['personal-data'] };
    await expect(verifier.verify(await tokenOf(ecKey))).resolves.toEqual(expected);
    await expect(verifier.verify(await tokenOf(rsaKey))).resolves.toEqual(expected);
    expect(provider.requests()).toBe(1);
  });

  it('refuses a token of the provider for another issuer or audience', async () => {
    expect(await invalidTokenReason(verifier.verify(await tokenOf(ecKey, { iss: 'https://other.example.org' })))).toBe(
      'the token was not issued by the expected issuer',
    );
    expect(await invalidTokenReason(verifier.verify(await tokenOf(ecKey, { aud: 'another-app' })))).toBe(
      'the token is not meant for this audience',
    );
  });

  it('refuses a development token', async () => {
    const token = await issueDevelopmentToken(keyDir.path, { sub: 'dev-admin', roles: ['admin'] }, { issuer: ISSUER, audience: AUDIENCE });
    expect(await invalidTokenReason(verifier.verify(token))).toBe('the token is not signed by a trusted key');
  });

  it('refuses to start without the issuer or the audience, naming the missing setting', async () => {
    const devKeyDir = keyDir.path;
    await expect(TokenVerifier.create({ jwksUrl: provider.url, audience: AUDIENCE, devKeyDir })).rejects.toThrow(
      new AuthSettingsError('AUTH_ISSUER (issuer) must be set when AUTH_JWKS_URL is set'),
    );
    await expect(TokenVerifier.create({ jwksUrl: provider.url, issuer: ISSUER, audience: ' ', devKeyDir })).rejects.toThrow(
      /AUTH_AUDIENCE/,
    );
    await expect(TokenVerifier.create({ jwksUrl: 'not a url', issuer: ISSUER, audience: AUDIENCE, devKeyDir })).rejects.toThrow(
      /AUTH_JWKS_URL/,
    );
  });

  it('reports an unreachable JWKS as unavailable verification, not as an invalid token', async () => {
    const closed = await jwksServer([]);
    await closed.close();
    const stranded = await TokenVerifier.create({ jwksUrl: closed.url, issuer: ISSUER, audience: AUDIENCE, devKeyDir: keyDir.path });
    await expect(stranded.verify(await tokenOf(ecKey))).rejects.toBeInstanceOf(VerificationUnavailableError);
  });
});
