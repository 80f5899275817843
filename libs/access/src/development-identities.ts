import { MISSIONS, type Role } from '@bluehelm/contracts';
import type { DevelopmentClaims } from './development-token.js';

const EVERY_MISSION: readonly string[] = MISSIONS.map((mission) => mission.acronym);

/**
 * One person per role for `npm start` and manual testing. Reporters and case officers work for
 * every mission, closed ones included (their incidents are still reported and tried); only the
 * case officer is cleared for names and confidential incidents; the member-state token speaks
 * for Mali, host state of MINUSMA.
 */
export const DEVELOPMENT_IDENTITIES: Readonly<Record<Role, DevelopmentClaims>> = {
  reporter: { sub: 'dev-reporter', roles: ['reporter'], missions: EVERY_MISSION },
  'case-officer': {
    sub: 'dev-case-officer',
    roles: ['case-officer'],
    missions: EVERY_MISSION,
    clearance: ['personal-data', 'confidential'],
  },
  analyst: { sub: 'dev-analyst', roles: ['analyst'] },
  auditor: { sub: 'dev-auditor', roles: ['auditor'] },
  'member-state': { sub: 'dev-member-state', roles: ['member-state'], memberState: 'MLI' },
  admin: { sub: 'dev-admin', roles: ['admin'] },
};
