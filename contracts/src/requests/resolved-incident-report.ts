import { findMission } from '../reference/mission-lookup.js';
import type { MissionAcronym } from '../reference/missions.js';
import type {
  CasualtyOutcome,
  Classification,
  IncidentCategory,
  IncidentType,
  LocationPrecision,
  PersonnelType,
  PerpetratorKind,
} from '../vocabularies.js';
import type { ReportIncidentRequest } from './report-incident.request.js';

/**
 * An accepted incident report with every default filled in and every field present (null where
 * the report gave nothing), as plain data: the shape that goes into the IncidentReported event.
 */
export interface ResolvedIncidentReport {
  readonly reportId: string;
  readonly mission: MissionAcronym;
  readonly hostState: string;
  readonly occurredOn: string;
  readonly category: IncidentCategory;
  readonly type: IncidentType | null;
  readonly location: {
    readonly placeName: string;
    readonly lat: number;
    readonly lon: number;
    readonly precision: LocationPrecision;
  };
  readonly narrative: string;
  readonly sofaViolation: boolean;
  readonly detectedBeforeDetonation: boolean | null;
  readonly casualties: readonly ResolvedCasualty[];
  readonly perpetrators: readonly ResolvedPerpetrator[];
  /** Present only when the report named witnesses (absent, not empty, so older reports hash alike). */
  readonly witnesses?: readonly ResolvedWitness[];
  readonly classification: Classification;
}

export interface ResolvedWitness {
  readonly name: string;
  readonly contact: string | null;
}

export interface ResolvedCasualty {
  readonly personnelType: PersonnelType;
  readonly nationality: string;
  readonly outcome: CasualtyOutcome;
  readonly name: string | null;
}

export interface ResolvedPerpetrator {
  readonly name: string | null;
  readonly kind: PerpetratorKind;
  readonly affiliation: string | null;
}

export const DEFAULT_CLASSIFICATION: Classification = 'restricted';

/** Thrown when a report that did not pass validation is resolved. */
export class UnresolvableReportError extends Error {
  constructor(readonly reportId: string, reason: string) {
    super(`Report "${reportId}" cannot be resolved: ${reason}`);
    this.name = 'UnresolvableReportError';
  }
}

/** Fills the defaults of a validated report: host state from the mission, classification, lists. */
export function resolveIncidentReport(report: ReportIncidentRequest): ResolvedIncidentReport {
  const mission = findMission(report.mission);
  if (mission === undefined) throw new UnresolvableReportError(report.reportId, `unknown mission ${report.mission}`);
  return {
    reportId: report.reportId,
    mission: report.mission,
    hostState: report.hostState ?? mission.hostStates[0],
    occurredOn: report.occurredOn,
    category: report.category,
    type: report.type ?? null,
    location: {
      placeName: report.location.placeName,
      lat: report.location.lat,
      lon: report.location.lon,
      precision: report.location.precision,
    },
    narrative: report.narrative,
    sofaViolation: report.sofaViolation ?? false,
    detectedBeforeDetonation: report.detectedBeforeDetonation ?? null,
    casualties: (report.casualties ?? []).map((casualty) => ({
      personnelType: casualty.personnelType,
      nationality: casualty.nationality,
      outcome: casualty.outcome,
      name: casualty.name ?? null,
    })),
    perpetrators: (report.perpetrators ?? []).map((perpetrator) => ({
      name: perpetrator.name ?? null,
      kind: perpetrator.kind,
      affiliation: perpetrator.affiliation ?? null,
    })),
    ...(report.witnesses !== undefined &&
      report.witnesses.length > 0 && {
        witnesses: report.witnesses.map((witness) => ({ name: witness.name, contact: witness.contact ?? null })),
      }),
    classification: report.classification ?? DEFAULT_CLASSIFICATION,
  };
}
