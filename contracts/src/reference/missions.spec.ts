import { describe, expect, it } from '@jest/globals';
import { ALPHA3_COUNTRY_CODES, isAlpha3CountryCode } from './country-codes.js';
import { defaultHostStateOf, findMission, isHostStateOfMission, isMissionAcronym, MISSION_ACRONYMS } from './mission-lookup.js';
import { MISSIONS } from './missions.js';

describe('the mission reference list', () => {
  it('names only ISO 3166-1 alpha-3 host states', () => {
    const unknown = MISSIONS.flatMap((mission) => mission.hostStates.filter((code) => !isAlpha3CountryCode(code)));
    expect(unknown).toEqual([]);
  });

  it('has one entry per acronym', () => {
    expect(new Set(MISSION_ACRONYMS).size).toBe(MISSIONS.length);
  });

  it('gives an end year to closed missions only, never before their start', () => {
    for (const mission of MISSIONS) {
      expect({ acronym: mission.acronym, hasEnd: mission.endYear !== null }).toEqual({
        acronym: mission.acronym,
        hasEnd: mission.status === 'closed',
      });
      if (mission.endYear !== null) expect(mission.endYear).toBeGreaterThanOrEqual(mission.startYear);
    }
  });

  it('holds the missions of the domain with their host states', () => {
    expect(findMission('UNTSO')?.hostStates).toEqual(['EGY', 'ISR', 'JOR', 'LBN', 'SYR']);
    expect(findMission('UNMOGIP')?.hostStates).toEqual(['IND', 'PAK']);
    expect(findMission('UNISFA')?.hostStates).toEqual(['SDN', 'SSD']);
    expect(findMission('MINURSO')?.hostStates).toEqual(['ESH']);
    expect(findMission('UNMIK')).toMatchObject({ hostStates: ['SRB'], note: expect.stringContaining('Kosovo') });
    expect(findMission('MINUSMA')).toMatchObject({ status: 'closed', endYear: 2023, hostStates: ['MLI'] });
    expect(findMission('MINUSTAH')).toMatchObject({ status: 'closed', endYear: 2017 });
    expect(findMission('UNAMID')).toMatchObject({ status: 'closed', endYear: 2020 });
    for (const current of ['MONUSCO', 'MINUSCA', 'UNMISS', 'UNIFIL', 'UNFICYP', 'UNDOF']) {
      expect(findMission(current)?.status).toBe('current');
    }
  });

  it('matches acronyms exactly', () => {
    expect(isMissionAcronym('MONUSCO')).toBe(true);
    expect(isMissionAcronym('monusco')).toBe(false);
    expect(findMission('UNKNOWN')).toBeUndefined();
  });

  it('defaults the host state to the first of the mission', () => {
    expect(defaultHostStateOf('UNTSO')).toBe('EGY');
    expect(defaultHostStateOf('MINUSCA')).toBe('CAF');
    expect(defaultHostStateOf('UNKNOWN')).toBeUndefined();
  });

  it('tells whether a state hosts a mission', () => {
    expect(isHostStateOfMission('PAK', 'UNMOGIP')).toBe(true);
    expect(isHostStateOfMission('NER', 'MINUSMA')).toBe(false);
    expect(isHostStateOfMission('MLI', 'UNKNOWN')).toBe(false);
  });
});

describe('alpha-3 country codes', () => {
  it('come from the ISO list, in capitals only', () => {
    expect(ALPHA3_COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    expect(isAlpha3CountryCode('MLI')).toBe(true);
    expect(isAlpha3CountryCode('mli')).toBe(false);
    expect(isAlpha3CountryCode('ML')).toBe(false);
    expect(isAlpha3CountryCode('XKX')).toBe(false);
    expect(isAlpha3CountryCode(466)).toBe(false);
  });
});
