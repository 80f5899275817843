/**
 * The case lifecycle as a decider: one small decide function per command, each throwing the
 * named error of the rule it would break. The decisions about accused persons are in
 * accused.decide.ts.
 */
import type { Decider } from '@bluehelm/event-sourcing';
import { firstDayOf, isWorldDate, type IsoDay } from '@bluehelm/contracts';
import { decideAddAccused, decideRecordAccusedStep } from './accused.decide.js';
import type {
  CaseCommand,
  CloseCase,
  LinkIncident,
  OpenCase,
  OpenInvestigation,
  RecordPersonalDataErasure,
  RecordSupportAction,
  ReferCase,
} from './case.commands.js';
import {
  CaseAlreadyReferredError,
  CaseNotOpenedError,
  CaseOpenedForAnotherIncidentError,
  ClosureBeforeLastStepError,
  IncidentAlreadyLinkedError,
  IncidentIsTheCaseOwnError,
  InvalidDateError,
  InvestigationAlreadyOpenedError,
  StepBeforeCaseOpeningError,
  StepBeforeIncidentError,
  SupportActionAlreadyRecordedError,
} from './case.errors.js';
import type { CaseEvent } from './case.events.js';
import { evolveCase, initialCaseState, type CaseState, type OpenCaseState } from './case.state.js';
import {
  givenDetails,
  requireDetail,
  requireIsoDay,
  requireNotInFuture,
  requireOpenCase,
  requireStepDate,
} from './case-step.rules.js';

export function decideOpenCase({ data }: OpenCase, state: CaseState): CaseEvent[] {
  // Intake may deliver the same incident again; the case it opened is the answer.
  if (state.status !== 'none') {
    if (state.incidentId === data.incidentId) return [];
    throw new CaseOpenedForAnotherIncidentError(state.incidentId, data.incidentId);
  }
  if (!isWorldDate(data.incidentOccurredOn)) throw new InvalidDateError('incidentOccurredOn', data.incidentOccurredOn);
  const incidentDay = firstDayOf(data.incidentOccurredOn);
  requireNotInFuture(incidentDay, data.today);
  const openedOn = requireIsoDay(data.openedOn, 'openedOn');
  requireNotInFuture(openedOn, data.today);
  if (openedOn < incidentDay) throw new StepBeforeIncidentError(openedOn, data.incidentOccurredOn);
  return [
    {
      type: 'CaseOpened',
      data: {
        caseId: requireDetail(data.caseId, 'caseId'),
        incidentId: requireDetail(data.incidentId, 'incidentId'),
        mission: requireDetail(data.mission, 'mission'),
        hostState: requireDetail(data.hostState, 'hostState'),
        incidentOccurredOn: data.incidentOccurredOn,
        openedOn,
        victimNationalities: [...new Set(data.victimNationalities)].sort(),
      },
    },
  ];
}

/** Referral and investigation belong to the case, so neither can predate its opening. */
function requireCaseStepDate(openCase: OpenCaseState, on: unknown, today: unknown): IsoDay {
  const day = requireStepDate(openCase, on, today);
  if (day < openCase.openedOn) throw new StepBeforeCaseOpeningError(day, openCase.openedOn);
  return day;
}

export function decideReferCase({ data }: ReferCase, state: CaseState): CaseEvent[] {
  const openCase = requireOpenCase(state);
  if (openCase.referral !== null) throw new CaseAlreadyReferredError(openCase.referral.on);
  const on = requireCaseStepDate(openCase, data.on, data.today);
  return [{ type: 'CaseReferred', data: { on, authority: requireDetail(data.authority, 'authority') } }];
}

// No referral is required first: host states open investigations of their own.
export function decideOpenInvestigation({ data }: OpenInvestigation, state: CaseState): CaseEvent[] {
  const openCase = requireOpenCase(state);
  if (openCase.investigation !== null) throw new InvestigationAlreadyOpenedError(openCase.investigation.on);
  const on = requireCaseStepDate(openCase, data.on, data.today);
  return [{ type: 'InvestigationOpened', data: { on, authority: requireDetail(data.authority, 'authority') } }];
}

export function decideRecordSupportAction({ data }: RecordSupportAction, state: CaseState): CaseEvent[] {
  const openCase = requireOpenCase(state);
  const supportId = requireDetail(data.supportId, 'supportId');
  if (openCase.supportActions.some((action) => action.supportId === supportId)) {
    throw new SupportActionAlreadyRecordedError(supportId);
  }
  const on = requireStepDate(openCase, data.on, data.today);
  const kind = requireDetail(data.kind, 'kind') as RecordSupportAction['data']['kind'];
  const provider = requireDetail(data.provider, 'provider');
  return [
    {
      type: 'SupportActionRecorded',
      data: { on, supportId, kind, provider, ...givenDetails({ description: data.description }) },
    },
  ];
}

export function decideLinkIncident({ data }: LinkIncident, state: CaseState): CaseEvent[] {
  const openCase = requireOpenCase(state);
  const incidentId = requireDetail(data.incidentId, 'incidentId');
  if (incidentId === openCase.incidentId) throw new IncidentIsTheCaseOwnError(incidentId);
  if (openCase.linkedIncidents.some((linked) => linked.incidentId === incidentId)) {
    throw new IncidentAlreadyLinkedError(incidentId);
  }
  const on = requireStepDate(openCase, data.on, data.today);
  return [{ type: 'IncidentLinked', data: { on, incidentId } }];
}

export function decideCloseCase({ data }: CloseCase, state: CaseState): CaseEvent[] {
  const openCase = requireOpenCase(state);
  const on = requireStepDate(openCase, data.on, data.today);
  if (on < openCase.lastStepOn) throw new ClosureBeforeLastStepError(on, openCase.lastStepOn);
  return [{ type: 'CaseClosed', data: { on, reason: requireDetail(data.reason, 'reason') } }];
}

/**
 * An erasure is recorded whatever the case's stage, a closed case included: the keys are already
 * gone when this is decided, and the history must say so.
 */
export function decideRecordPersonalDataErasure({ data }: RecordPersonalDataErasure, state: CaseState): CaseEvent[] {
  if (state.status === 'none') throw new CaseNotOpenedError();
  const reason = requireDetail(data.reason, 'reason');
  return [{ type: 'PersonalDataErased', data: { on: data.today, reason, keysDestroyed: data.keysDestroyed } }];
}

export function decideCase(command: CaseCommand, state: CaseState): readonly CaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return decideOpenCase(command, state);
    case 'ReferCase':
      return decideReferCase(command, state);
    case 'OpenInvestigation':
      return decideOpenInvestigation(command, state);
    case 'AddAccused':
      return decideAddAccused(command, state);
    case 'RecordAccusedStep':
      return decideRecordAccusedStep(command, state);
    case 'RecordSupportAction':
      return decideRecordSupportAction(command, state);
    case 'LinkIncident':
      return decideLinkIncident(command, state);
    case 'CloseCase':
      return decideCloseCase(command, state);
    case 'RecordPersonalDataErasure':
      return decideRecordPersonalDataErasure(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled case command ${JSON.stringify(unhandled)}`);
    }
  }
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide: decideCase,
  evolve: evolveCase,
  initialState: initialCaseState,
};
