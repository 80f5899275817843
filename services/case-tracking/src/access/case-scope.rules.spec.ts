import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@bluehelm/contracts';
import { mayReadCase, mayReadCaseHistory, mayRecordCaseSteps } from './case-scope.rules.js';

const malianCase = { mission: 'MINUSMA', hostState: 'MLI', victimNationalities: ['SEN', 'TCD'] };
const principal = (change: Partial<Principal>): Principal => ({ sub: 'someone', roles: [], missions: [], clearances: [], ...change });

describe('which cases a caller may see and work on', () => {
  it('lets auditors read every case and its history, but record no step', () => {
    const auditor = principal({ roles: ['auditor'] });

    expect([mayReadCase(auditor, malianCase), mayReadCaseHistory(auditor, malianCase), mayRecordCaseSteps(auditor, malianCase)]).toEqual([true, true, false]);
  });

  it('lets case officers read and work on the cases of their missions only', () => {
    const minusma = principal({ roles: ['case-officer'], missions: ['MINUSMA'] });
    const monusco = principal({ roles: ['case-officer'], missions: ['MONUSCO'] });

    expect([mayReadCase(minusma, malianCase), mayReadCaseHistory(minusma, malianCase), mayRecordCaseSteps(minusma, malianCase)]).toEqual([true, true, true]);
    expect([mayReadCase(monusco, malianCase), mayReadCaseHistory(monusco, malianCase), mayRecordCaseSteps(monusco, malianCase)]).toEqual([false, false, false]);
  });

  it('lets a host state read the cases on its territory and a contributing country those of its nationals', () => {
    const host = principal({ roles: ['member-state'], memberState: 'MLI' });
    const contributor = principal({ roles: ['member-state'], memberState: 'SEN' });
    const other = principal({ roles: ['member-state'], memberState: 'FRA' });

    expect([mayReadCase(host, malianCase), mayReadCase(contributor, malianCase), mayReadCase(other, malianCase)]).toEqual([true, true, false]);
    expect(mayReadCase(contributor, { mission: 'MINUSMA', hostState: 'MLI' })).toBe(false);
    expect(mayReadCaseHistory(host, malianCase) || mayRecordCaseSteps(host, malianCase)).toBe(false);
  });

  it('gives reporters, analysts and admins no case at all', () => {
    for (const role of ['reporter', 'analyst', 'admin'] as const) {
      expect(mayReadCase(principal({ roles: [role], missions: ['MINUSMA'], memberState: 'MLI' }), malianCase)).toBe(false);
    }
  });
});
