/**
 * A case as its events leave it: nothing yet, open, or closed with everything it had when it
 * closed. `evolve` is total: every event type has a branch, and an event that cannot apply to the
 * state at hand (a step before any opening, in a partial replay) leaves the state unchanged.
 */
import type {
  CaseClosedData,
  CaseOpenedData,
  IncidentLinkedData,
  InvestigationOpenedData,
  IsoDay,
  CaseReferredData,
  PersonalDataErasedData,
  SupportActionRecordedData,
} from '@bluehelm/contracts';
import { accusedAfterStep, identifiedAccused, type AccusedPerson } from './accused-person.state.js';
import type { AccusedStepEvent, CaseEvent } from './case.events.js';
import { latestOf } from './world-date.js';

export type Referral = CaseReferredData;
export type Investigation = InvestigationOpenedData;
export type SupportAction = SupportActionRecordedData;
export type LinkedIncident = IncidentLinkedData;
export type Closure = CaseClosedData;

export interface CaseFacts extends CaseOpenedData {
  readonly referral: Referral | null;
  /** Host states open investigations of their own, so there may be one without a referral. */
  readonly investigation: Investigation | null;
  /** In the order they were identified. */
  readonly accused: readonly AccusedPerson[];
  readonly supportActions: readonly SupportAction[];
  /** Incidents other than the one the case was opened for. */
  readonly linkedIncidents: readonly LinkedIncident[];
  /** The latest day of any step so far, the opening included. */
  readonly lastStepOn: IsoDay;
  /** The latest erasure of the case's personal data; it is not a step and moves no date. */
  readonly personalDataErasure: PersonalDataErasedData | null;
}

export type NoCase = { readonly status: 'none' };
export type OpenCaseState = { readonly status: 'open' } & CaseFacts;
export type ClosedCaseState = { readonly status: 'closed'; readonly closure: Closure } & CaseFacts;
export type OpenedCaseState = OpenCaseState | ClosedCaseState;
export type CaseState = NoCase | OpenedCaseState;

export const initialCaseState = (): CaseState => ({ status: 'none' });

function opened(data: CaseOpenedData): OpenCaseState {
  return {
    status: 'open',
    ...data,
    referral: null,
    investigation: null,
    accused: [],
    supportActions: [],
    linkedIncidents: [],
    lastStepOn: data.openedOn,
    personalDataErasure: null,
  };
}

function afterStep(state: OpenCaseState, on: IsoDay, change: Partial<CaseFacts>): OpenCaseState {
  return { ...state, ...change, lastStepOn: latestOf(state.lastStepOn, on) };
}

function afterAccusedStep(state: OpenCaseState, event: AccusedStepEvent): OpenCaseState {
  const accused = state.accused.map((person) =>
    person.personId === event.data.personId ? accusedAfterStep(person, event) : person,
  );
  return afterStep(state, event.data.on, { accused });
}

function evolveOpenCase(state: OpenCaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened':
      return state;
    case 'CaseReferred':
      return afterStep(state, event.data.on, { referral: event.data });
    case 'InvestigationOpened':
      return afterStep(state, event.data.on, { investigation: event.data });
    case 'AccusedIdentified':
      return afterStep(state, event.data.on, { accused: [...state.accused, identifiedAccused(event.data)] });
    case 'AccusedWarrantIssued':
    case 'AccusedArrested':
    case 'AccusedCharged':
    case 'AccusedTried':
    case 'AccusedConvicted':
    case 'AccusedAcquitted':
    case 'AccusedChargesDismissed':
    case 'AccusedSentenced':
    case 'AccusedAppealed':
    case 'AccusedReleased':
      return afterAccusedStep(state, event);
    case 'SupportActionRecorded':
      return afterStep(state, event.data.on, { supportActions: [...state.supportActions, event.data] });
    case 'IncidentLinked':
      return afterStep(state, event.data.on, { linkedIncidents: [...state.linkedIncidents, event.data] });
    case 'CaseClosed':
      return { ...afterStep(state, event.data.on, {}), status: 'closed', closure: event.data };
    case 'PersonalDataErased':
      return { ...state, personalDataErasure: event.data };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled case event ${JSON.stringify(unhandled)}`);
    }
  }
}

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (state.status) {
    case 'none':
      return event.type === 'CaseOpened' ? opened(event.data) : state;
    case 'open':
      return evolveOpenCase(state, event);
    // Nothing but an erasure follows a closure: the decider refuses every step.
    case 'closed':
      return event.type === 'PersonalDataErased' ? { ...state, personalDataErasure: event.data } : state;
    default: {
      const unhandled: never = state;
      throw new Error(`unhandled case state ${JSON.stringify(unhandled)}`);
    }
  }
}
