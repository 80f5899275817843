import type {
  AccusedStepRequest,
  AddAccusedRequest,
  ClosureRequest,
  ErasePersonalDataRequest,
  InvestigationRequest,
  LinkIncidentRequest,
  ReferralRequest,
  SupportActionRequest,
} from './case-step.requests.js';

/*
 * Messages on the service subjects (subjects.ts) that are not a bare request body. The incident
 * report subject takes the ReportIncidentRequest JSON itself, so that any NATS client can use it.
 */

/** `bluehelm.intake.incidents.get`. */
export interface GetIncidentMessage {
  readonly incidentId: string;
}

/** A case step: the route's ids and headers around the request body. */
export interface CaseStepMessage<Body> {
  readonly caseId: string;
  /** From `If-Match`: the revision the client last saw; absent when the client asked for no check. */
  readonly expectedRevision?: number;
  /**
   * Who asks, as the gateway saw it. Informational: services record the subject of the verified
   * token that comes with the request (the Authorization header), never this field.
   */
  readonly actor?: string;
  /** Carried into the events' metadata so that one request can be followed across services. */
  readonly correlationId?: string;
  readonly body: Body;
}

export type ReferralMessage = CaseStepMessage<ReferralRequest>;
export type InvestigationMessage = CaseStepMessage<InvestigationRequest>;
export type AddAccusedMessage = CaseStepMessage<AddAccusedRequest>;
export type SupportActionMessage = CaseStepMessage<SupportActionRequest>;
export type LinkIncidentMessage = CaseStepMessage<LinkIncidentRequest>;
export type ClosureMessage = CaseStepMessage<ClosureRequest>;

export interface AccusedStepMessage extends CaseStepMessage<AccusedStepRequest> {
  readonly personId: string;
}

/** `bluehelm.case-tracking.cases.get`. */
export interface GetCaseMessage {
  readonly caseId: string;
  /** As in AsOfQuery: the state at the end of that day in the world; now when absent. */
  readonly asOf?: string;
}

/** `bluehelm.case-tracking.cases.history` and `.verify`. */
export interface CaseStreamMessage {
  readonly caseId: string;
}

/** `bluehelm.case-tracking.cases.erase-personal-data`. */
export interface ErasePersonalDataMessage {
  readonly caseId: string;
  readonly correlationId?: string;
  readonly body: ErasePersonalDataRequest;
}

/** `bluehelm.intake.incidents.erase-personal-data`: the names of an incident without a case. */
export interface EraseIncidentPersonalDataMessage {
  readonly incidentId: string;
  readonly correlationId?: string;
  readonly body: ErasePersonalDataRequest;
}
