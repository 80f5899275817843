import {
  ACCUSED_STEP_EVENT_TYPES,
  CASE_STREAM_CATEGORY,
  firstDayOf,
  isCalendarDay,
  isCaseEventType,
  PERSON_STEPS,
  type AccusedStepEventType,
  type CaseEventDataByType,
  type CaseEventType,
  type PersonStep,
} from '@bluehelm/contracts';
import { recordedAtOf, type LogEvent } from '../projection/log-event.js';
import { isIncidentDate } from '../projection/reported-incident.reader.js';
import { NO_ROWS, type RowProjection } from '../projection/row.projection.js';

/** What a fact says happened to a case (or to one of its accused persons). */
export const ACCOUNTABILITY_FACT_KINDS = [
  'case-opened',
  'referred',
  'investigation-opened',
  'identified',
  ...PERSON_STEPS,
  'support-action',
  'incident-linked',
  'case-closed',
] as const;
export type AccountabilityFactKind = (typeof ACCOUNTABILITY_FACT_KINDS)[number];

/**
 * One immutable fact of a case, with both of its clocks: `on`, the day in the world, and
 * `recordedAt`, when Bluehelm learnt it. The accountability report is a replay of these facts.
 */
export interface AccountabilityFact {
  readonly position: number;
  readonly caseId: string;
  readonly kind: AccountabilityFactKind;
  /** The accused person, for `identified` and the person steps. */
  readonly personId: string | null;
  /** `YYYY-MM-DD`; for `case-opened`, the first day of the incident's date. */
  readonly on: string;
  /** ISO date-time. */
  readonly recordedAt: string;
  /** Only on `case-opened`: where the case is tried, and for which mission. */
  readonly hostState: string | null;
  readonly mission: string | null;
  /** Only on `support-action`. */
  readonly supportKind: string | null;
}

const CASE_STREAM_PREFIX = `${CASE_STREAM_CATEGORY}-`;

type FactDetails = Pick<AccountabilityFact, 'kind' | 'on'> & Partial<Pick<AccountabilityFact, 'personId' | 'hostState' | 'mission' | 'supportKind'>>;

/** The data of stored events is only as trustworthy as the log: each field is checked before use. */
function detailsOf(type: CaseEventType, data: object): FactDetails | undefined {
  switch (type) {
    case 'CaseOpened': {
      const opened = data as CaseEventDataByType['CaseOpened'];
      if (!isIncidentDate(opened.incidentOccurredOn) || typeof opened.hostState !== 'string') return undefined;
      return { kind: 'case-opened', on: firstDayOf(opened.incidentOccurredOn), hostState: opened.hostState, mission: opened.mission };
    }
    case 'CaseReferred':
      return { kind: 'referred', on: (data as CaseEventDataByType['CaseReferred']).on };
    case 'InvestigationOpened':
      return { kind: 'investigation-opened', on: (data as CaseEventDataByType['InvestigationOpened']).on };
    case 'AccusedIdentified': {
      const identified = data as CaseEventDataByType['AccusedIdentified'];
      return { kind: 'identified', on: identified.on, personId: identified.personId };
    }
    case 'AccusedWarrantIssued':
    case 'AccusedArrested':
    case 'AccusedCharged':
    case 'AccusedTried':
    case 'AccusedConvicted':
    case 'AccusedAcquitted':
    case 'AccusedChargesDismissed':
    case 'AccusedSentenced':
    case 'AccusedAppealed':
    case 'AccusedReleased': {
      const step = data as CaseEventDataByType['AccusedCharged'];
      return { kind: PERSON_STEP_OF_EVENT[type], on: step.on, personId: step.personId };
    }
    case 'SupportActionRecorded': {
      const support = data as CaseEventDataByType['SupportActionRecorded'];
      return { kind: 'support-action', on: support.on, supportKind: support.kind };
    }
    case 'IncidentLinked':
      return { kind: 'incident-linked', on: (data as CaseEventDataByType['IncidentLinked']).on };
    case 'CaseClosed':
      return { kind: 'case-closed', on: (data as CaseEventDataByType['CaseClosed']).on };
    // Erasure removes names, not facts: no stage or count changes, so reports stay as they were.
    case 'PersonalDataErased':
      return undefined;
    default: {
      const unknown: never = type;
      throw new Error(`unknown case event type ${String(unknown)}`);
    }
  }
}

/** `AccusedCharged` -> `charged`: the inverse of the contract's step-to-event table. */
const PERSON_STEP_OF_EVENT = Object.fromEntries(
  Object.entries(ACCUSED_STEP_EVENT_TYPES).map(([step, type]) => [type, step]),
) as { readonly [Type in AccusedStepEventType]: PersonStep };

function factsOf(event: LogEvent): readonly AccountabilityFact[] {
  if (!event.streamName.startsWith(CASE_STREAM_PREFIX) || !isCaseEventType(event.type)) return NO_ROWS;
  if (typeof event.data !== 'object' || event.data === null) return NO_ROWS;
  const details = detailsOf(event.type, event.data);
  // A step without a usable day or person cannot be placed on either clock: leave it out.
  if (!details || !isCalendarDay(details.on)) return NO_ROWS;
  if ((details.kind === 'identified' || isPersonStep(details.kind)) && typeof details.personId !== 'string') return NO_ROWS;
  return [
    {
      position: event.position,
      caseId: event.streamName.slice(CASE_STREAM_PREFIX.length),
      kind: details.kind,
      personId: details.personId ?? null,
      on: details.on,
      recordedAt: recordedAtOf(event),
      hostState: details.hostState ?? null,
      mission: details.mission ?? null,
      supportKind: details.supportKind ?? null,
    },
  ];
}

function isPersonStep(kind: AccountabilityFactKind): kind is PersonStep {
  return (PERSON_STEPS as readonly string[]).includes(kind);
}

/** Every fact of every case, one row per case event. */
export const accountabilityFactsProjection: RowProjection<AccountabilityFact> = {
  name: 'accountability-facts',
  rowsOf: factsOf,
  keyOf: (fact) => String(fact.position),
};
