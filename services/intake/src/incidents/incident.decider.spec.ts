import { caseIdForIncident, incidentIdForReport, type ResolvedIncidentReport } from '@bluehelm/contracts';
import { deciderSpec } from '@bluehelm/event-sourcing/testing';
import { describe, expect, it } from '@jest/globals';
import type { ReportIncident } from './incident.commands.js';
import { incidentDecider } from './incident.decider.js';
import { IncidentHasCaseError, IncidentNotReportedError, ReportIdReusedError } from './incident.errors.js';
import type { IncidentReported } from './incident.events.js';

const report: ResolvedIncidentReport = {
  reportId: 'MINUSMA-JOC-2021-0214',
  mission: 'MINUSMA',
  hostState: 'MLI',
  occurredOn: '2021-02-10',
  category: 'malicious-act',
  type: 'ied',
  location: { placeName: 'Aguelhok', lat: 19.46, lon: 0.86, precision: 'near' },
  narrative: 'A convoy struck an improvised explosive device.',
  sofaViolation: false,
  detectedBeforeDetonation: false,
  casualties: [{ personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: null }],
  perpetrators: [],
  classification: 'restricted',
};
const incidentId = incidentIdForReport(report.reportId);
const caseId = caseIdForIncident(incidentId);

function reportIncident(reportHash: string, narrative = report.narrative): ReportIncident {
  return { type: 'ReportIncident', data: { incidentId, caseId, reportHash, report: { ...report, narrative } } };
}

const reported: IncidentReported = {
  type: 'IncidentReported',
  data: { ...report, incidentId, reportHash: 'hash-1', caseId },
};

describe('reporting an incident', () => {
  it('records the first report with its ids and hash', () => {
    deciderSpec(incidentDecider).given([]).when(reportIncident('hash-1')).then([reported]);
  });

  it('records nothing when the same report arrives again', () => {
    deciderSpec(incidentDecider).given([reported]).when(reportIncident('hash-1')).then([]);
  });

  it('refuses the same reportId with a different report', () => {
    const error = deciderSpec(incidentDecider)
      .given([reported])
      .when(reportIncident('hash-2', 'Another account of the day.'))
      .thenThrows(ReportIdReusedError);
    expect(error.code).toBe('report-id-reused');
    expect(error.incidentId).toBe(incidentId);
    expect(error.message).toContain(report.reportId);
  });
});

describe('recording the erasure of an incident\'s personal data', () => {
  const accident: IncidentReported = { type: 'IncidentReported', data: { ...report, category: 'accident', type: null, incidentId, reportHash: 'hash-1', caseId: null } };
  const erasure = (keysDestroyed: number) =>
    ({ type: 'RecordPersonalDataErasure', data: { incidentId, on: '2024-06-30', reason: 'family request', keysDestroyed } }) as const;

  it('records it for an incident without a case', () => {
    deciderSpec(incidentDecider)
      .given([accident])
      .when(erasure(1))
      .then([{ type: 'IncidentPersonalDataErased', data: { on: '2024-06-30', reason: 'family request', keysDestroyed: 1 } }]);
  });

  it('refuses an incident that was never reported, and one with a case (erased with its case)', () => {
    deciderSpec(incidentDecider).given([]).when(erasure(0)).thenThrows(IncidentNotReportedError);
    const error = deciderSpec(incidentDecider).given([reported]).when(erasure(0)).thenThrows(IncidentHasCaseError);
    expect(error.message).toContain(`/v1/cases/${caseId}/erase-personal-data`);
  });

  it('keeps the incident as reported afterwards: the same report sent again is still recognised', () => {
    const erased = { type: 'IncidentPersonalDataErased', data: { on: '2024-06-30', reason: 'family request', keysDestroyed: 1 } } as const;
    deciderSpec(incidentDecider)
      .given([accident, erased])
      .when({ type: 'ReportIncident', data: { incidentId, caseId: null, reportHash: 'hash-1', report: { ...report, category: 'accident', type: null } } })
      .then([]);
  });
});
