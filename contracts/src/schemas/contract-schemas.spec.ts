import { describe, expect, it } from '@jest/globals';
import { MISSIONS } from '../reference/missions.js';
import { CONTRACT_REQUEST_CLASSES } from './contract-request-classes.js';
import { contractSchemaComponents, contractSchemas } from './contract-schemas.js';

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('contractSchemas', () => {
  const schemas = contractSchemas() as Record<string, Schema>;

  it('publishes one schema per request and query class', () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(CONTRACT_REQUEST_CLASSES).sort());
  });

  it('makes every schema self-contained, with its nested classes under definitions', () => {
    const report = schemas['ReportIncidentRequest']!;
    expect(Object.keys(report['definitions']).sort()).toEqual(['ReportedCasualty', 'ReportedLocation', 'ReportedPerpetrator', 'ReportedWitness']);
    expect(report['properties']['casualties']['items']['$ref']).toBe('#/definitions/ReportedCasualty');
    expect(schemas['ReferralRequest']!['definitions']).toBeUndefined();
  });

  it('refuses unknown fields at every level, as validateRequest does', () => {
    const report = schemas['ReportIncidentRequest']!;
    expect(report['additionalProperties']).toBe(false);
    for (const nested of Object.values(report['definitions'] as Record<string, Schema>)) {
      expect(nested['additionalProperties']).toBe(false);
    }
  });

  it('writes vocabularies as enums and dates as patterns', () => {
    const report = schemas['ReportIncidentRequest']!;
    expect(report['properties']['mission']['enum']).toEqual(MISSIONS.map((mission) => mission.acronym));
    expect(report['properties']['hostState']['enum']).toContain('ESH');
    expect(report['properties']['classification']).toMatchObject({ enum: ['public', 'restricted', 'confidential'], default: 'restricted' });
    expect(new RegExp(report['properties']['occurredOn']['pattern']).test('2021-02')).toBe(true);
    expect(new RegExp(schemas['ReferralRequest']!['properties']['on']['pattern']).test('2021-02')).toBe(false);
  });

  it('lists required fields, leaving out the optional ones', () => {
    expect(schemas['ReportIncidentRequest']!['required']).toEqual(['reportId', 'mission', 'occurredOn', 'category', 'location', 'narrative']);
    expect(schemas['CaseListQuery']!['required']).toBeUndefined();
  });

  it('ties host states to their mission, one rule per mission', () => {
    const rules = schemas['ReportIncidentRequest']!['allOf'] as Schema[];
    const untso = rules.find((rule) => rule['if']?.['properties']?.['mission']?.['const'] === 'UNTSO');
    expect(untso?.['then']).toEqual({ properties: { hostState: { enum: ['EGY', 'ISR', 'JOR', 'LBN', 'SYR'] } } });
  });
});

describe('contractSchemaComponents', () => {
  it('refers between components through the given prefix, for OpenAPI documents', () => {
    const components = contractSchemaComponents('#/components/schemas/') as Record<string, Schema>;
    expect(components['ReportIncidentRequest']!['properties']['location']['$ref']).toBe('#/components/schemas/ReportedLocation');
    expect(components['ReportedLocation']!['required']).toEqual(['placeName', 'lat', 'lon', 'precision']);
  });
});
