/**
 * What the notification service keeps of each case, folded from the integration events it
 * consumes: the mission and host state (said only by CaseOpened, or by the IncidentReported that
 * opened it), the nationalities of the victims, the date of the latest step and the closure.
 * Pure; each change is idempotent and order-insensitive (latest date wins, sets are merged), so
 * redelivered or reordered events leave the same record.
 */
import { INCIDENT_REPORTED } from '@bluehelm/contracts';
import { caseIdOfStream, stepDateOf } from '../rules/case-step.rule.js';
import { casualtiesOf } from '../rules/fatality.rule.js';
import { recordOf, textOrNull, type NotifiableEvent } from '../rules/notification.js';

export interface CaseRecord {
  readonly caseId: string;
  readonly mission: string | null;
  readonly hostState: string | null;
  readonly nationalities: readonly string[];
  readonly lastStepOn: string | null;
  readonly closedOn: string | null;
}

/** What one event tells about one case. */
export interface CaseChange {
  readonly caseId: string;
  readonly mission?: string | null;
  readonly hostState?: string | null;
  readonly nationalities?: readonly string[];
  readonly stepOn?: string | null;
  readonly closedOn?: string | null;
  /** IncidentLinked: the nationalities of that incident's victims join the case's, once known. */
  readonly linkedIncidentId?: string;
}

export const emptyCaseRecord = (caseId: string): CaseRecord => ({
  caseId,
  mission: null,
  hostState: null,
  nationalities: [],
  lastStepOn: null,
  closedOn: null,
});

function later(a: string | null, b: string | null | undefined): string | null {
  if (b === null || b === undefined) return a;
  return a === null || b > a ? b : a;
}

function union(a: readonly string[], b: readonly string[] | undefined): string[] {
  return [...new Set([...a, ...(b ?? [])])].sort();
}

export function applyCaseChange(record: CaseRecord, change: CaseChange): CaseRecord {
  return {
    caseId: record.caseId,
    mission: change.mission ?? record.mission,
    hostState: change.hostState ?? record.hostState,
    nationalities: union(record.nationalities, change.nationalities),
    lastStepOn: later(record.lastStepOn, change.stepOn),
    closedOn: later(record.closedOn, change.closedOn),
  };
}

/** The victims' nationalities an IncidentReported names (every casualty, whatever the outcome). */
export function incidentNationalitiesOf(event: NotifiableEvent): string[] | null {
  if (event.type !== INCIDENT_REPORTED) return null;
  const found = casualtiesOf(recordOf(event.data)).flatMap((casualty) => (casualty.nationality ? [casualty.nationality] : []));
  return [...new Set(found)].sort();
}

/** What an integration event tells about a case, or null when it tells nothing. */
export function caseChangeOf(event: NotifiableEvent): CaseChange | null {
  const data = recordOf(event.data);
  if (event.type === INCIDENT_REPORTED) {
    const caseId = textOrNull(data['caseId']);
    if (caseId === null) return null;
    return {
      caseId: caseId.toLowerCase(),
      mission: textOrNull(data['mission']),
      hostState: textOrNull(data['hostState']),
      nationalities: incidentNationalitiesOf(event) ?? [],
    };
  }
  const caseId = caseIdOfStream(event.streamName);
  if (caseId === null) return null;
  return {
    caseId,
    ...(event.type === 'CaseOpened' ? { mission: textOrNull(data['mission']), hostState: textOrNull(data['hostState']) } : {}),
    stepOn: stepDateOf(data),
    ...(event.type === 'CaseClosed' ? { closedOn: stepDateOf(data) } : {}),
    ...(event.type === 'IncidentLinked' && typeof data['incidentId'] === 'string'
      ? { linkedIncidentId: data['incidentId'].toLowerCase() }
      : {}),
  };
}
