import { describe, expect, it } from '@jest/globals';
import type { Classification, IncidentView, Principal } from '@bluehelm/contracts';
import { classifiedPartsFor, mayReadIncident } from './incident-read.rules.js';

const principal = (change: Partial<Principal>): Principal => ({ sub: 'someone', roles: [], missions: [], clearances: [], ...change });

function incident(classification: Classification): IncidentView {
  return {
    mission: 'MINUSMA',
    hostState: 'MLI',
    casualties: [{ personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: null }],
    narrative: 'A convoy was ambushed.',
    location: { placeName: 'Aguelhok', lat: 18.4, lon: 1.0, precision: 'near' },
    perpetrators: [{ kind: 'group', name: null, affiliation: 'Armed group' }],
    classification,
  } as unknown as IncidentView;
}

describe('who may read an incident', () => {
  it('lets reporters and case officers read those of their missions, auditors all', () => {
    expect(mayReadIncident(principal({ roles: ['reporter'], missions: ['MINUSMA'] }), incident('public'))).toBe(true);
    expect(mayReadIncident(principal({ roles: ['case-officer'], missions: ['MONUSCO'] }), incident('public'))).toBe(false);
    expect(mayReadIncident(principal({ roles: ['auditor'] }), incident('public'))).toBe(true);
  });

  it('lets the host state and the states of the victims read it, and no other state or role', () => {
    expect(mayReadIncident(principal({ roles: ['member-state'], memberState: 'MLI' }), incident('public'))).toBe(true);
    expect(mayReadIncident(principal({ roles: ['member-state'], memberState: 'TCD' }), incident('public'))).toBe(true);
    expect(mayReadIncident(principal({ roles: ['member-state'], memberState: 'FRA' }), incident('public'))).toBe(false);
    expect(mayReadIncident(principal({ roles: ['analyst', 'admin'], missions: ['MINUSMA'] }), incident('public'))).toBe(false);
  });
});

describe('what the classification lets a reader see', () => {
  const state = principal({ roles: ['member-state'], memberState: 'MLI' });
  const officer = principal({ roles: ['case-officer'], missions: ['MINUSMA'] });
  const cleared = principal({ roles: ['case-officer'], missions: ['MINUSMA'], clearances: ['confidential'] });

  it('shows a public incident whole to every reader', () => {
    expect(classifiedPartsFor(state, incident('public'))).toEqual(incident('public'));
  });

  it('withholds what happened, where and by whom from member states for a restricted incident', () => {
    expect(classifiedPartsFor(state, incident('restricted'))).toMatchObject({
      narrative: '[withheld: classification]',
      location: '[withheld: classification]',
      perpetrators: '[withheld: classification]',
      casualties: incident('restricted').casualties,
    });
    expect(classifiedPartsFor(officer, incident('restricted'))).toEqual(incident('restricted'));
  });

  it('shows a confidential incident whole only to readers cleared for it', () => {
    expect(classifiedPartsFor(officer, incident('confidential'))).toMatchObject({ narrative: '[withheld: classification]' });
    expect(classifiedPartsFor(cleared, incident('confidential'))).toEqual(incident('confidential'));
  });
});
