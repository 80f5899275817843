// Development tokens for tests: signed with the development key that services started from the
// repository root use (./data/dev-auth, made on first use), or with the key of a given folder.
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const REPOSITORY_DEV_KEY_DIR = join(ROOT, 'data', 'dev-auth');

/** Every role, every current mission, both clearances: for tests about something other than access. */
export const ALL_ACCESS_CLAIMS = {
  sub: 'test-all-access',
  roles: ['reporter', 'case-officer', 'analyst', 'auditor', 'member-state', 'admin'],
  memberState: 'MLI',
  clearance: ['personal-data', 'confidential'],
};

/**
 * A token for `claims` (a role name takes that role's development identity), signed with the key
 * in `devKeyDir`.
 * @param {string | import('../../libs/access/dist/index.js').DevelopmentClaims} claims
 * @param {{ devKeyDir?: string, options?: import('../../libs/access/dist/index.js').DevelopmentTokenOptions }} [settings]
 */
export async function testToken(claims, { devKeyDir = REPOSITORY_DEV_KEY_DIR, options } = {}) {
  const { DEVELOPMENT_IDENTITIES, issueDevelopmentToken, MISSIONS } = await accessLib();
  const resolved = typeof claims === 'string' ? DEVELOPMENT_IDENTITIES[claims] : claims;
  const withMissions = resolved.missions === undefined && resolved.roles.some((role) => role === 'reporter' || role === 'case-officer')
    ? { ...resolved, missions: MISSIONS }
    : resolved;
  return issueDevelopmentToken(devKeyDir, withMissions, options);
}

/** `{ authorization: 'Bearer …' }` for testToken(claims). */
export async function bearer(claims, settings) {
  return { authorization: `Bearer ${await testToken(claims, settings)}` };
}

async function accessLib() {
  const access = await import('../../libs/access/dist/index.js');
  const contracts = await import('../../contracts/dist/index.js');
  return { ...access, MISSIONS: contracts.MISSIONS.map((mission) => mission.acronym) };
}
