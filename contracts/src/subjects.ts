/**
 * NATS subjects that Bluehelm services answer. Outside clients may use them too, so a subject,
 * once published here, is only ever added to, never renamed.
 */

/** The five services; each is also the NATS queue group its replicas share. */
export const SERVICE_NAMES = ['gateway', 'intake', 'case-tracking', 'analytics', 'notification'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

export type PingSubject<S extends ServiceName = ServiceName> = `bluehelm.${S}.ping`;

/** The request/reply subject on which a service says it is alive. */
export function pingSubjectOf<S extends ServiceName>(service: S): PingSubject<S> {
  return `bluehelm.${service}.ping`;
}

export const PING_SUBJECTS: { readonly [S in ServiceName]: PingSubject<S> } = {
  gateway: pingSubjectOf('gateway'),
  intake: pingSubjectOf('intake'),
  'case-tracking': pingSubjectOf('case-tracking'),
  analytics: pingSubjectOf('analytics'),
  notification: pingSubjectOf('notification'),
};

/** What a service answers on its ping subject. */
export interface PingReply {
  readonly service: ServiceName;
  readonly status: 'ok';
}

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

/**
 * Intake. `reportIncident` takes a ReportIncidentRequest as plain JSON and replies with a
 * ReportIncidentReply or a Problem, plain JSON too; `getIncident` takes a GetIncidentMessage.
 */
export const INTAKE_SUBJECTS = {
  reportIncident: 'bluehelm.intake.incidents.report',
  getIncident: 'bluehelm.intake.incidents.get',
  /** An EraseIncidentPersonalDataMessage (admin); replies EraseIncidentPersonalDataReply. */
  erasePersonalData: 'bluehelm.intake.incidents.erase-personal-data',
} as const;

/** Case steps (a CaseStepMessage each; the reply is a CaseStepReply or a Problem). */
export const CASE_TRACKING_COMMANDS = [
  'referral',
  'investigation',
  'accused',
  'accused-step',
  'support',
  'link-incident',
  'closure',
  'erase-personal-data',
] as const;
export type CaseTrackingCommand = (typeof CASE_TRACKING_COMMANDS)[number];

export const CASE_TRACKING_QUERIES = ['get', 'history', 'verify', 'list'] as const;
export type CaseTrackingQuery = (typeof CASE_TRACKING_QUERIES)[number];

export type CaseTrackingOperation = CaseTrackingCommand | CaseTrackingQuery;
export type CaseTrackingSubject<O extends CaseTrackingOperation = CaseTrackingOperation> =
  `bluehelm.case-tracking.cases.${O}`;

export function caseTrackingSubjectOf<O extends CaseTrackingOperation>(operation: O): CaseTrackingSubject<O> {
  return `bluehelm.case-tracking.cases.${operation}`;
}

export const CASE_TRACKING_SUBJECTS: { readonly [O in CaseTrackingOperation]: CaseTrackingSubject<O> } = {
  referral: caseTrackingSubjectOf('referral'),
  investigation: caseTrackingSubjectOf('investigation'),
  accused: caseTrackingSubjectOf('accused'),
  'accused-step': caseTrackingSubjectOf('accused-step'),
  support: caseTrackingSubjectOf('support'),
  'link-incident': caseTrackingSubjectOf('link-incident'),
  closure: caseTrackingSubjectOf('closure'),
  'erase-personal-data': caseTrackingSubjectOf('erase-personal-data'),
  get: caseTrackingSubjectOf('get'),
  history: caseTrackingSubjectOf('history'),
  verify: caseTrackingSubjectOf('verify'),
  list: caseTrackingSubjectOf('list'),
};

/** The JetStream stream every committed event is published to. */
export const EVENTS_STREAM = 'BLUEHELM_EVENTS';

export type EventSubject<C extends string = string, T extends string = string> = `bluehelm.events.${C}.${T}`;

export class InvalidSubjectTokenError extends Error {
  constructor(
    readonly what: string,
    readonly token: string,
  ) {
    super(`${what} "${token}" cannot be a NATS subject token: use letters, digits, _ and - only`);
    this.name = 'InvalidSubjectTokenError';
  }
}

/** `bluehelm.events.<category>.<EventType>`, such as `bluehelm.events.incident.IncidentReported`. */
export function eventSubjectOf<C extends string, T extends string>(category: C, eventType: T): EventSubject<C, T> {
  return `bluehelm.events.${subjectToken('category', category)}.${subjectToken('event type', eventType)}`;
}

/** Every event (`bluehelm.events.>`), or every event of one category (`bluehelm.events.case.>`). */
export function eventSubjectFilter(category?: string): string {
  return category === undefined ? 'bluehelm.events.>' : `bluehelm.events.${subjectToken('category', category)}.>`;
}

function subjectToken<T extends string>(what: string, token: T): T {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw new InvalidSubjectTokenError(what, token);
  return token;
}
