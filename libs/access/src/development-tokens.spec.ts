import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MISSIONS, ROLES, type Principal, type Role } from '@bluehelm/contracts';
import { decodeJwt } from 'jose';
import { temporaryDirectory } from '../test/fixtures/temporary-directory.js';
import { DEVELOPMENT_TOKENS_FILE, writeDevelopmentTokens } from './development-tokens-file.js';
import { TokenVerifier } from './token-verifier.js';

const everyMission = MISSIONS.map((mission) => mission.acronym);

describe('writeDevelopmentTokens', () => {
  let dir: Awaited<ReturnType<typeof temporaryDirectory>>;
  let tokens: Record<Role, string>;
  let principals: Record<Role, Principal>;
  const dataDir = (): string => join(dir.path, 'data');
  const devKeyDir = (): string => join(dir.path, 'data', 'dev-auth');

  beforeAll(async () => {
    dir = await temporaryDirectory('tokens');
    tokens = await writeDevelopmentTokens(dataDir(), devKeyDir());
    const verifier = await TokenVerifier.create({ devKeyDir: devKeyDir() });
    const entries = await Promise.all(ROLES.map(async (role) => [role, await verifier.verify(tokens[role])] as const));
    principals = Object.fromEntries(entries) as Record<Role, Principal>;
  });
  afterAll(() => dir.remove());

  it('writes one token per role, readable by its owner only, and returns them', async () => {
    const path = join(dataDir(), DEVELOPMENT_TOKENS_FILE);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(tokens);
    expect(Object.keys(tokens).sort()).toEqual([...ROLES].sort());
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('makes tokens valid for 30 days', () => {
    for (const role of ROLES) {
      const { iat, exp } = decodeJwt(tokens[role]);
      expect((exp ?? 0) - (iat ?? 0)).toBe(30 * 24 * 3600);
    }
  });

  it('gives every role a principal with exactly that role', () => {
    for (const role of ROLES) {
      expect(principals[role].roles).toEqual([role]);
      expect(principals[role].sub).toBe(`dev-${role}`);
    }
  });

  it('lets the reporter and the case officer work for every mission, closed ones included', () => {
    expect(principals.reporter.missions).toEqual(everyMission);
    expect(principals['case-officer'].missions).toEqual(everyMission);
    expect(principals.reporter.missions).toEqual(expect.arrayContaining(['MONUSCO', 'MINUSMA']));
  });

  it('clears only the case officer for personal data and confidential incidents', () => {
    expect(principals['case-officer'].clearances).toEqual(['personal-data', 'confidential']);
    for (const role of ROLES.filter((other) => other !== 'case-officer')) expect(principals[role].clearances).toEqual([]);
  });

  it('has the member-state token speak for Mali', () => {
    expect(principals['member-state'].memberState).toBe('MLI');
    expect(principals.admin.memberState).toBeUndefined();
  });

  it('replaces the file on a later run, keeping the key', async () => {
    const again = await writeDevelopmentTokens(dataDir(), devKeyDir());
    expect(JSON.parse(await readFile(join(dataDir(), DEVELOPMENT_TOKENS_FILE), 'utf8'))).toEqual(again);
    const verifier = await TokenVerifier.create({ devKeyDir: devKeyDir() });
    await expect(verifier.verify(tokens.admin)).resolves.toMatchObject({ sub: 'dev-admin' });
  });
});
