import { MISSIONS, type Role } from '@bluehelm/contracts';
import type { DevelopmentClaims } from './development-token.js';

const CURRENT_MISSIONS: readonly string[] = MISSIONS.filter((mission) => mission.status === 'current').map(
  (mission) => mission.acronym,
);

/**
 * One person per role for `npm start` and manual testing. Reporters and case officers work for
 * every current mission; the member-state token speaks for Mali, host state of MINUSMA, so that
 * closed-mission cases are visible to it.
 */
export const DEVELOPMENT_IDENTITIES: Readonly<Record<Role, DevelopmentClaims>> = {
  reporter: { sub: 'dev-reporter', roles: ['reporter'], missions: CURRENT_MISSIONS },
  'case-officer': {
    sub: 'dev-case-officer',
    roles: ['case-officer'],
    missions: CURRENT_MISSIONS,
    clearance: ['personal-data', 'confidential'],
  },
  analyst: { sub: 'dev-analyst', roles: ['analyst'] },
  auditor: { sub: 'dev-auditor', roles: ['auditor'] },
  'member-state': { sub: 'dev-member-state', roles: ['member-state'], memberState: 'MLI' },
  admin: { sub: 'dev-admin', roles: ['admin'] },
};
