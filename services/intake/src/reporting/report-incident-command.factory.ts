import { caseIdForIncident, incidentIdForReport, type ResolvedIncidentReport } from '@bluehelm/contracts';
import type { ReportIncident } from '../incidents/incident.commands.js';
import { reportHashOf } from './report-hash.js';

/** The command for a resolved report: its derived ids and its hash. */
export function reportIncidentCommandFor(report: ResolvedIncidentReport): ReportIncident {
  const incidentId = incidentIdForReport(report.reportId);
  const caseId = report.category === 'malicious-act' ? caseIdForIncident(incidentId) : null;
  return { type: 'ReportIncident', data: { incidentId, caseId, reportHash: reportHashOf(report), report } };
}
