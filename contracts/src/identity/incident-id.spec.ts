import { describe, expect, it } from '@jest/globals';
import { v5, validate, version } from 'uuid';
import { BLUEHELM_INCIDENT_NAMESPACE, incidentIdForReport, InvalidReportIdError } from './incident-id.js';

describe('incidentIdForReport', () => {
  it('gives the same version-5 UUID for the same reportId, every time', () => {
    const incidentId = incidentIdForReport('MINUSMA-JOC-2021-0214');
    expect(incidentIdForReport('MINUSMA-JOC-2021-0214')).toBe(incidentId);
    expect(validate(incidentId)).toBe(true);
    expect(version(incidentId)).toBe(5);
  });

  it('is the name-based UUID of the reportId in the incident namespace, so anyone can derive it', () => {
    expect(incidentIdForReport('UNFICYP-2024-1')).toBe(v5('UNFICYP-2024-1', BLUEHELM_INCIDENT_NAMESPACE));
  });

  it('takes the reportId exactly as sent', () => {
    expect(incidentIdForReport('unficyp-2024-1')).not.toBe(incidentIdForReport('UNFICYP-2024-1'));
  });

  it('refuses a blank reportId', () => {
    expect(() => incidentIdForReport('  ')).toThrow(InvalidReportIdError);
  });
});
