/**
 * What case-tracking answers to case queries, and the gateway passes through unchanged as the
 * JSON of `GET /v1/cases/:id`, `/history`, `/verify` and `GET /v1/cases`. Outside clients read
 * these shapes: fields are only ever added, never renamed.
 */
import type { PersonalText } from '../access/sealed-value.js';
import type { IsoDay, IncidentDate } from '../events/case-events.js';
import type { AccusedKind, CaseStage, PersonStep, SupportKind } from '../vocabularies.js';

export type CaseStatus = 'open' | 'closed';

/** An incident the case deals with. */
export interface CaseIncidentView {
  readonly incidentId: string;
  /** `opened-for`: the incident the case was opened for; `linked`: one tried in the same case. */
  readonly relation: 'opened-for' | 'linked';
  /** The day the case was opened, or the day the incident was linked. */
  readonly on: IsoDay;
}

/** One step of an accused person; the details are present only where the step carries them. */
export interface AccusedStepView {
  readonly step: 'identified' | PersonStep;
  readonly on: IsoDay;
  readonly court?: string;
  readonly note?: string;
  readonly inAbsentia?: boolean;
  readonly sentence?: string;
}

export interface AccusedView {
  readonly personId: string;
  /**
   * Personal data: the name for readers with the `personal-data` clearance, `[redacted]` for
   * others, `[erased]` for everyone after erasure (case-tracking holds it sealed until it answers).
   */
  readonly name: PersonalText;
  readonly kind: AccusedKind;
  readonly affiliation: string | null;
  readonly identifiedOn: IsoDay;
  /** The person's latest step: where they stand now. */
  readonly stage: 'identified' | PersonStep;
  /** Oldest first, starting with the identification. */
  readonly steps: readonly AccusedStepView[];
}

export interface CaseStepView {
  readonly on: IsoDay;
  /** The host-state authority, such as a prosecutor's office. */
  readonly authority: string;
}

export interface SupportActionView {
  readonly supportId: string;
  readonly on: IsoDay;
  readonly kind: SupportKind;
  readonly provider: string;
  readonly description: string | null;
}

export interface ClosureView {
  readonly on: IsoDay;
  readonly reason: string;
}

/** `GET /v1/cases/:id` (`?asOf=` for the case as it stood at the end of that day in the world). */
export interface CaseView {
  readonly caseId: string;
  /**
   * The revision of the case's stream when it was read: the `If-Match` of the next step. With
   * `asOf` too, since a step can only be added to the case as it stands now.
   */
  readonly revision: number;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly mission: string;
  /** ISO 3166-1 alpha-3 of the state whose jurisdiction the case is in. */
  readonly hostState: string;
  readonly incidentOccurredOn: IncidentDate;
  readonly openedOn: IsoDay;
  /** The latest day of any step so far, the opening included. */
  readonly lastStepOn: IsoDay;
  /** The incident the case was opened for first, then the linked ones in the order they were linked. */
  readonly incidents: readonly CaseIncidentView[];
  readonly referral: CaseStepView | null;
  readonly investigation: CaseStepView | null;
  /** In the order they were identified. */
  readonly accused: readonly AccusedView[];
  readonly supportActions: readonly SupportActionView[];
  readonly closure: ClosureView | null;
  /** ISO alpha-3 nationalities of the victims of the incident the case was opened for. */
  readonly victimNationalities: readonly string[];
  /** When and why the case's personal data was erased; null when it was not. */
  readonly personalDataErasure: { readonly on: IsoDay; readonly reason: string } | null;
  /** The day the view was cut at; null for the case as it stands now. */
  readonly asOf: IsoDay | null;
}

/** One stored event of a case, exactly as the log holds it. */
export interface CaseHistoryEvent {
  /** 0-based place in the case's stream. */
  readonly revision: number;
  /** Place in the whole event log. */
  readonly position: number;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  /** Includes `actor`, `correlationId`, `occurredAt`, `recordedAt`, `prevHash` and `hash`. */
  readonly metadata: Readonly<Record<string, unknown>>;
  /** When the store committed the event (ISO 8601). */
  readonly createdAt: string;
}

/** `GET /v1/cases/:id/history`: every event of the case, oldest first. */
export interface CaseHistory {
  readonly caseId: string;
  readonly events: readonly CaseHistoryEvent[];
}

/** Why a case's hash chain stops being provable at a revision. */
export const CASE_CHAIN_BREAK_REASONS = [
  'missing-event',
  'out-of-order',
  'missing-hash',
  'hash-mismatch',
  'prev-hash-mismatch',
] as const;
export type CaseChainBreakReason = (typeof CASE_CHAIN_BREAK_REASONS)[number];

/**
 * `GET /v1/cases/:id/verify`. `lastHash` of an intact case can be kept elsewhere and compared
 * later: that detects the removal of the newest events too.
 */
export type CaseVerification =
  | { readonly caseId: string; readonly intact: true; readonly eventCount: number; readonly lastHash: string | null }
  | {
      readonly caseId: string;
      readonly intact: false;
      readonly brokenAtRevision: number;
      readonly reason: CaseChainBreakReason;
    };

/** One case in `GET /v1/cases`. */
export interface CaseSummary {
  readonly caseId: string;
  readonly revision: number;
  readonly status: CaseStatus;
  readonly stage: CaseStage;
  readonly mission: string;
  readonly hostState: string;
  readonly incidentOccurredOn: IncidentDate;
  readonly openedOn: IsoDay;
  readonly lastStepOn: IsoDay;
  readonly accusedCount: number;
}

/** `GET /v1/cases`: one page of the cases that match, oldest opening first. */
export interface CaseList {
  readonly items: readonly CaseSummary[];
  /** How many cases match, on all pages. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}
