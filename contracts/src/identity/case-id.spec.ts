import { describe, expect, it } from '@jest/globals';
import { v5, validate, version } from 'uuid';
import { BLUEHELM_CASE_NAMESPACE, caseIdForIncident, InvalidIncidentIdError } from './case-id.js';
import { isUuid } from './uuid-text.js';

const incidentId = '5b0c7e36-3f5e-4b63-9a44-0d1e8b0f2c71';

describe('caseIdForIncident', () => {
  it('gives the same version-5 UUID for the same incident, every time', () => {
    const caseId = caseIdForIncident(incidentId);
    expect(caseIdForIncident(incidentId)).toBe(caseId);
    expect(validate(caseId)).toBe(true);
    expect(version(caseId)).toBe(5);
  });

  it('is the name-based UUID of the incident id in the Bluehelm namespace, so anyone can derive it', () => {
    expect(caseIdForIncident(incidentId)).toBe(v5(incidentId, BLUEHELM_CASE_NAMESPACE));
  });

  it('gives different incidents different cases', () => {
    expect(caseIdForIncident(incidentId)).not.toBe(caseIdForIncident('0d9e1b52-7a43-4c8e-8f0e-3a2b6c1d4e5f'));
  });

  it('ignores the case in which the incident id is written', () => {
    expect(caseIdForIncident(incidentId.toUpperCase())).toBe(caseIdForIncident(incidentId));
  });

  it('refuses what is not a UUID', () => {
    expect(() => caseIdForIncident('incident-42')).toThrow(InvalidIncidentIdError);
  });
});

describe('isUuid', () => {
  it('accepts UUIDs of any version and case, and nothing else', () => {
    expect(isUuid(incidentId)).toBe(true);
    expect(isUuid(incidentId.toUpperCase())).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(isUuid(`${incidentId}0`)).toBe(false);
    expect(isUuid(42)).toBe(false);
  });
});
