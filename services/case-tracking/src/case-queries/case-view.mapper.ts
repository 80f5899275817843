/** A folded case as its public view (contracts' CaseView): plain data, every field present. */
import type { AccusedStepView, AccusedView, CaseIncidentView, CaseView, IsoDay } from '@bluehelm/contracts';
import { evolveAll } from '@bluehelm/event-sourcing';
import type { RecordedEvent } from '@bluehelm/event-store';
import type { AccusedPerson, AccusedStepRecord } from '../cases/accused-person.state.js';
import { caseAsOf } from '../cases/case.as-of.js';
import { upcastCaseEvent } from '../cases/case.events.js';
import { currentCaseStage } from '../cases/case.stage.js';
import { evolveCase, initialCaseState, type OpenedCaseState } from '../cases/case.state.js';

function stepViewOf(record: AccusedStepRecord): AccusedStepView {
  const { step, on, court, note, inAbsentia, sentence } = record;
  return {
    step,
    on,
    ...(court === undefined ? {} : { court }),
    ...(note === undefined ? {} : { note }),
    ...(inAbsentia === undefined ? {} : { inAbsentia }),
    ...(sentence === undefined ? {} : { sentence }),
  };
}

function accusedViewOf(person: AccusedPerson): AccusedView {
  const steps = person.history.map(stepViewOf);
  return {
    personId: person.personId,
    name: person.name,
    kind: person.kind,
    affiliation: person.affiliation ?? null,
    identifiedOn: person.identifiedOn,
    // The history starts with the identification, so it is never empty.
    stage: steps[steps.length - 1]?.step ?? 'identified',
    steps,
  };
}

function incidentsOf(state: OpenedCaseState): CaseIncidentView[] {
  return [
    { incidentId: state.incidentId, relation: 'opened-for', on: state.openedOn },
    ...state.linkedIncidents.map(({ incidentId, on }) => ({ incidentId, relation: 'linked' as const, on })),
  ];
}

/** `revision` is the stream's revision when read; `asOf` the day the state was cut at, if any. */
export function caseViewOf(state: OpenedCaseState, revision: number, asOf: IsoDay | null): CaseView {
  return {
    caseId: state.caseId,
    revision,
    status: state.status,
    stage: currentCaseStage(state),
    mission: state.mission,
    hostState: state.hostState,
    incidentOccurredOn: state.incidentOccurredOn,
    openedOn: state.openedOn,
    lastStepOn: state.lastStepOn,
    incidents: incidentsOf(state),
    referral: state.referral === null ? null : { on: state.referral.on, authority: state.referral.authority },
    investigation:
      state.investigation === null ? null : { on: state.investigation.on, authority: state.investigation.authority },
    accused: state.accused.map(accusedViewOf),
    supportActions: state.supportActions.map(({ supportId, on, kind, provider, description }) => ({
      supportId,
      on,
      kind,
      provider,
      description: description ?? null,
    })),
    closure: state.status === 'closed' ? { on: state.closure.on, reason: state.closure.reason } : null,
    victimNationalities: state.victimNationalities ?? [],
    personalDataErasure:
      state.personalDataErasure === null ? null : { on: state.personalDataErasure.on, reason: state.personalDataErasure.reason },
    asOf,
  };
}

/**
 * The view of a case from its stored events: as it stands, or as it stood at the end of `asOf`
 * in the world. Null when there is no case, or none yet on that day.
 */
export function caseViewFromEvents(events: readonly RecordedEvent[], asOf: IsoDay | null): CaseView | null {
  const last = events[events.length - 1];
  if (last === undefined) return null;
  const caseEvents = events.map(upcastCaseEvent);
  const state = asOf === null ? evolveAll({ evolve: evolveCase }, initialCaseState(), caseEvents) : caseAsOf(caseEvents, asOf);
  return state.status === 'none' ? null : caseViewOf(state, last.revision, asOf);
}
