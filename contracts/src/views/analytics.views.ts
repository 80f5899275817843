/**
 * What the analytics service answers, and the gateway passes through unchanged as the JSON of
 * `GET /v1/analytics/*` and `GET /v1/reports/accountability`. Fields are only ever added.
 */
import type { CaseFunnelStage, PersonFunnelStage, SupportKind } from '../vocabularies.js';

export const FATALITY_GROUPINGS = ['year', 'mission', 'personnelType', 'nationality', 'type'] as const;
export type FatalityGrouping = (typeof FATALITY_GROUPINGS)[number];

/** The key of the `type` group for an incident reported without a type. */
export const UNSPECIFIED_INCIDENT_TYPE = 'unspecified';

export interface CountGroup {
  readonly key: string;
  readonly count: number;
}

/** `{ total, groups }`: groups sorted by count (highest first), then by key; none without `groupBy`. */
export interface FatalitiesView {
  readonly total: number;
  readonly groups: readonly CountGroup[];
}

export const IED_DETECTION_GROUPINGS = ['year'] as const;
export type IedDetectionGrouping = (typeof IED_DETECTION_GROUPINGS)[number];

/**
 * IED incidents and those detected before detonation. `rate` = detectedBeforeDetonation / ieds,
 * rounded to 4 decimals, null when there is no IED incident. An incident whose report leaves
 * `detectedBeforeDetonation` out counts as an IED that was not detected before it went off.
 */
export interface IedDetectionFigures {
  readonly ieds: number;
  readonly detectedBeforeDetonation: number;
  readonly rate: number | null;
}

export interface IedDetectionGroup extends IedDetectionFigures {
  readonly key: string;
}

/** The totals, and one group per key (ascending) when `groupBy` is given. */
export interface IedDetectionView extends IedDetectionFigures {
  readonly groups: readonly IedDetectionGroup[];
}

export type CaseFunnel = { readonly [Stage in CaseFunnelStage]: number };
export type PersonFunnel = { readonly [Stage in PersonFunnelStage]: number };
export type SupportActionCounts = { readonly [Kind in SupportKind]: number };

export interface HostStateAccountability {
  readonly hostState: string;
  /** Cases that have reached each stage: a step of that stage dated on or before `asOf` and recorded by `knownAt`. */
  readonly cases: CaseFunnel;
  /** Accused persons that have reached each stage, by the same two clocks. */
  readonly persons: PersonFunnel;
  /** Open cases whose last step lies more than the stall period (STALL_DAYS) before `asOf`. */
  readonly stalled: number;
  /** Support actions by kind; every kind is present, 0 included. */
  readonly supportActions: SupportActionCounts;
  /** Median of the days from the incident to the case's first conviction; null without a conviction. */
  readonly medianDaysToFirstConviction: number | null;
}

/**
 * The accountability report. `asOf` (YYYY-MM-DD) cuts by dates in the world, `knownAt` (an ISO
 * date-time, UTC, milliseconds) by when facts were recorded; both are given as resolved, so that
 * sending them back reproduces the same bytes. Host states are sorted by code.
 */
export interface AccountabilityReport {
  readonly asOf: string;
  readonly knownAt: string;
  readonly hostStates: readonly HostStateAccountability[];
}

export const ACCOUNTABILITY_CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** The reply to `format=csv`: the gateway answers `body` with this content type, as it stands. */
export interface AccountabilityCsvReply {
  readonly contentType: typeof ACCOUNTABILITY_CSV_CONTENT_TYPE;
  /** A file name to offer (`Content-Disposition`), made of the two clocks. */
  readonly filename: string;
  readonly body: string;
}

/** Everything known so far, with no clock cut: what the live stream reports for the accountability indicator. */
export interface AccountabilityTotals {
  readonly cases: number;
  readonly casesConvicted: number;
  readonly casesClosed: number;
  readonly personsIdentified: number;
}

export interface FatalitiesTotals {
  readonly total: number;
}

/**
 * The message on ANALYTICS_INDICATORS_CHANGED_SUBJECT: an indicator changed because events up to
 * `position` (in the event log) were applied; `totals` are its new overall figures.
 */
export type IndicatorChanged =
  | { readonly indicator: 'fatalities'; readonly position: number; readonly totals: FatalitiesTotals }
  | { readonly indicator: 'ied-detection'; readonly position: number; readonly totals: IedDetectionFigures }
  | { readonly indicator: 'accountability'; readonly position: number; readonly totals: AccountabilityTotals };

export type IndicatorName = IndicatorChanged['indicator'];

/** How far each read model has followed the event log (the last position applied, -1 for none). */
export interface AnalyticsStatus {
  readonly projections: readonly { readonly name: string; readonly position: number }[];
  /** The lowest of them: every answer reflects at least the events up to here. */
  readonly position: number;
}
