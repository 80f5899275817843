/**
 * NATS subjects of the analytics service. Queries go through the NestJS NATS transport (queue
 * group `analytics`); each reply is plain JSON: the view of contracts/src/views/analytics.views.ts,
 * or a Problem whose `status` is the HTTP status to answer. Subjects are only ever added to.
 */
export const ANALYTICS_SUBJECTS = {
  /** A FatalitiesQuery; replies FatalitiesView (`GET /v1/analytics/fatalities`). */
  fatalities: 'bluehelm.analytics.fatalities',
  /** An IedDetectionQuery; replies IedDetectionView (`GET /v1/analytics/ied-detection`). */
  iedDetection: 'bluehelm.analytics.ied-detection',
  /**
   * An AccountabilityQuery; replies AccountabilityReport for `format=json` (the default) or
   * AccountabilityCsvReply for `format=csv` (`GET /v1/reports/accountability`).
   */
  accountability: 'bluehelm.analytics.accountability',
  /** Any message (`{}`); replies AnalyticsStatus: how far each read model has followed the log. */
  status: 'bluehelm.analytics.status',
  /**
   * An AccessTrailQuery; replies AccessTrailPage (`GET /v1/audit/access`). Only for a caller
   * whose token (the `Authorization` header) carries the role `auditor`.
   */
  accessTrail: 'bluehelm.analytics.audit.access',
} as const;

export type AnalyticsSubject = (typeof ANALYTICS_SUBJECTS)[keyof typeof ANALYTICS_SUBJECTS];

/**
 * Published (core NATS, no reply, no NestJS envelope) by the analytics service after it has
 * applied new events: the plain JSON of an IndicatorChanged. The gateway turns it into
 * `GET /v1/analytics/stream` (text/event-stream).
 */
export const ANALYTICS_INDICATORS_CHANGED_SUBJECT = 'bluehelm.analytics.indicators.changed';
