/**
 * The public payloads of case events: what case-tracking appends to `case-<id>` streams and what
 * its relay publishes on `bluehelm.events.case.<EventType>`. Outside consumers read these shapes,
 * so a field, once published, keeps its meaning: add optional fields, never rename or repurpose.
 *
 * Dates: `on` is the day something happened in the world (`YYYY-MM-DD`), not when it was recorded
 * (that is in the event's metadata).
 */
import type { PersonalText } from '../access/sealed-value.js';
import type { AccusedKind, PersonStep, SupportKind } from '../vocabularies.js';

/** The stream category of cases: streams `case-<uuid>`, subjects `bluehelm.events.case.*`. */
export const CASE_STREAM_CATEGORY = 'case';

/** A day in the world, `YYYY-MM-DD`. */
export type IsoDay = string;

/** When an incident happened, as precisely as it is known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type IncidentDate = string;

export interface CaseOpenedData {
  readonly caseId: string;
  /** The incident the case was opened for; further incidents arrive as IncidentLinked. */
  readonly incidentId: string;
  readonly mission: string;
  /** ISO 3166-1 alpha-3 of the state whose jurisdiction the case is in. */
  readonly hostState: string;
  readonly incidentOccurredOn: IncidentDate;
  readonly openedOn: IsoDay;
  /**
   * ISO alpha-3 nationalities of the incident's casualties, so that a contributing country can
   * read the cases where its nationals were victims. Absent on cases opened before it existed.
   */
  readonly victimNationalities?: readonly string[];
}

export interface CaseReferredData {
  readonly on: IsoDay;
  /** The host-state authority the case was referred to (e.g. a prosecutor's office). */
  readonly authority: string;
}

export interface InvestigationOpenedData {
  readonly on: IsoDay;
  readonly authority: string;
}

export interface AccusedIdentifiedData {
  readonly on: IsoDay;
  readonly personId: string;
  /** Personal data: sealed in the log (a SealedValue), readable only with the `personal-data` clearance. */
  readonly name: PersonalText;
  readonly kind: AccusedKind;
  readonly affiliation?: string;
}

/** What every step of an accused person carries. */
export interface AccusedStepData {
  readonly on: IsoDay;
  readonly personId: string;
  readonly court?: string;
  readonly note?: string;
}

export type AccusedWarrantIssuedData = AccusedStepData;
export type AccusedArrestedData = AccusedStepData;
export type AccusedChargedData = AccusedStepData;

export interface AccusedTriedData extends AccusedStepData {
  readonly inAbsentia: boolean;
}

export interface AccusedConvictedData extends AccusedStepData {
  /** Present only when the request said so; the trial's own flag is on AccusedTried. */
  readonly inAbsentia?: boolean;
}
export type AccusedAcquittedData = AccusedStepData;
export type AccusedChargesDismissedData = AccusedStepData;

export interface AccusedSentencedData extends AccusedStepData {
  /** The sentence as pronounced (e.g. `death, commuted to life imprisonment`). */
  readonly sentence: string;
  /** Present only when the request said so. */
  readonly inAbsentia?: boolean;
}

export type AccusedAppealedData = AccusedStepData;
export type AccusedReleasedData = AccusedStepData;

export interface SupportActionRecordedData {
  readonly on: IsoDay;
  readonly supportId: string;
  readonly kind: SupportKind;
  /** Who gave the support (a mission section, an agency, a Member State). */
  readonly provider: string;
  readonly description?: string;
}

export interface IncidentLinkedData {
  readonly on: IsoDay;
  readonly incidentId: string;
}

export interface CaseClosedData {
  readonly on: IsoDay;
  readonly reason: string;
}

/**
 * The case's data keys were destroyed: its personal fields (accused names, and the names in its
 * incident) can no longer be read by anyone. Counts and stages are untouched, so every report
 * stays as it was. Recorded even on a closed case.
 */
export interface PersonalDataErasedData {
  readonly on: IsoDay;
  readonly reason: string;
  readonly keysDestroyed: number;
}

/** Every case event type with the shape of its data. */
export interface CaseEventDataByType {
  readonly CaseOpened: CaseOpenedData;
  readonly CaseReferred: CaseReferredData;
  readonly InvestigationOpened: InvestigationOpenedData;
  readonly AccusedIdentified: AccusedIdentifiedData;
  readonly AccusedWarrantIssued: AccusedWarrantIssuedData;
  readonly AccusedArrested: AccusedArrestedData;
  readonly AccusedCharged: AccusedChargedData;
  readonly AccusedTried: AccusedTriedData;
  readonly AccusedConvicted: AccusedConvictedData;
  readonly AccusedAcquitted: AccusedAcquittedData;
  readonly AccusedChargesDismissed: AccusedChargesDismissedData;
  readonly AccusedSentenced: AccusedSentencedData;
  readonly AccusedAppealed: AccusedAppealedData;
  readonly AccusedReleased: AccusedReleasedData;
  readonly SupportActionRecorded: SupportActionRecordedData;
  readonly IncidentLinked: IncidentLinkedData;
  readonly CaseClosed: CaseClosedData;
  readonly PersonalDataErased: PersonalDataErasedData;
}

export type CaseEventType = keyof CaseEventDataByType;

/** The event type that records each step of an accused person (`charged` → `AccusedCharged`). */
export const ACCUSED_STEP_EVENT_TYPES = {
  'warrant-issued': 'AccusedWarrantIssued',
  arrested: 'AccusedArrested',
  charged: 'AccusedCharged',
  tried: 'AccusedTried',
  convicted: 'AccusedConvicted',
  acquitted: 'AccusedAcquitted',
  'charges-dismissed': 'AccusedChargesDismissed',
  sentenced: 'AccusedSentenced',
  appealed: 'AccusedAppealed',
  released: 'AccusedReleased',
} as const satisfies { readonly [S in PersonStep]: CaseEventType };

export type AccusedStepEventType = (typeof ACCUSED_STEP_EVENT_TYPES)[PersonStep];

// A record keyed by every type, so that the compiler refuses a list that misses one.
const EVERY_CASE_EVENT_TYPE: { readonly [T in CaseEventType]: true } = {
  CaseOpened: true,
  CaseReferred: true,
  InvestigationOpened: true,
  AccusedIdentified: true,
  AccusedWarrantIssued: true,
  AccusedArrested: true,
  AccusedCharged: true,
  AccusedTried: true,
  AccusedConvicted: true,
  AccusedAcquitted: true,
  AccusedChargesDismissed: true,
  AccusedSentenced: true,
  AccusedAppealed: true,
  AccusedReleased: true,
  SupportActionRecorded: true,
  IncidentLinked: true,
  CaseClosed: true,
  PersonalDataErased: true,
};

export const CASE_EVENT_TYPES = Object.keys(EVERY_CASE_EVENT_TYPE) as readonly CaseEventType[];

export function isCaseEventType(value: string): value is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(value);
}

/** The schemaVersion written in the metadata of new events of each type; every shape is still the first. */
export const CASE_EVENT_SCHEMA_VERSIONS: { readonly [T in CaseEventType]: number } = Object.fromEntries(
  CASE_EVENT_TYPES.map((type) => [type, 1]),
) as { readonly [T in CaseEventType]: number };
