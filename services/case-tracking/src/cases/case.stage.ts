/**
 * Where a case stands, and which stages of the justice funnel it and each of its accused persons
 * have reached: the inputs of `GET /v1/cases?stage=` and of the accountability report.
 * A stage, once reached, stays reached: a conviction quashed on appeal was still a conviction.
 */
import {
  CASE_FUNNEL_STAGES,
  CASE_STAGES,
  PERSON_FUNNEL_STAGES,
  type AccusedKind,
  type CaseFunnelStage,
  type CaseStage,
  type PersonFunnelStage,
  type PersonStep,
} from '@bluehelm/contracts';
import type { AccusedPerson } from './accused-person.state.js';
import type { OpenedCaseState } from './case.state.js';

const FUNNEL_STAGE_OF_STEP: { readonly [Step in 'identified' | PersonStep]: PersonFunnelStage } = {
  identified: 'identified',
  'warrant-issued': 'warrantIssued',
  arrested: 'arrested',
  charged: 'charged',
  tried: 'tried',
  convicted: 'convicted',
  acquitted: 'acquitted',
  'charges-dismissed': 'chargesDismissed',
  sentenced: 'sentenced',
  appealed: 'appealed',
  released: 'released',
};

/** In the order of PERSON_FUNNEL_STAGES. */
export function personFunnelStages(person: AccusedPerson): readonly PersonFunnelStage[] {
  const reached = new Set(person.history.map((record) => FUNNEL_STAGE_OF_STEP[record.step]));
  return PERSON_FUNNEL_STAGES.filter((stage) => reached.has(stage));
}

function anyPersonReached(state: OpenedCaseState, stage: PersonFunnelStage): boolean {
  return state.accused.some((person) => personFunnelStages(person).includes(stage));
}

const CASE_FUNNEL_REACHED: { readonly [Stage in CaseFunnelStage]: (state: OpenedCaseState) => boolean } = {
  reported: () => true,
  referred: (state) => state.referral !== null,
  investigationOpened: (state) => state.investigation !== null,
  suspectIdentified: (state) => state.accused.length > 0,
  charged: (state) => anyPersonReached(state, 'charged'),
  tried: (state) => anyPersonReached(state, 'tried'),
  convicted: (state) => anyPersonReached(state, 'convicted'),
  closed: (state) => state.status === 'closed',
};

/** In the order of CASE_FUNNEL_STAGES. */
export function caseFunnelStages(state: OpenedCaseState): readonly CaseFunnelStage[] {
  return CASE_FUNNEL_STAGES.filter((stage) => CASE_FUNNEL_REACHED[stage](state));
}

const CASE_STAGE_REACHED: { readonly [Stage in CaseStage]: (state: OpenedCaseState) => boolean } = {
  reported: () => true,
  referred: (state) => state.referral !== null,
  // An investigation may open without a referral; the case is then past `referred` all the same.
  investigation: (state) => state.investigation !== null,
  'suspect-identified': (state) => state.accused.length > 0,
  prosecution: (state) => anyPersonReached(state, 'charged'),
  trial: (state) => anyPersonReached(state, 'tried'),
  verdict: (state) => anyPersonReached(state, 'convicted') || anyPersonReached(state, 'acquitted'),
  closed: (state) => state.status === 'closed',
};

/** The furthest stage any part of the case has reached (the last of CASE_STAGES that holds). */
export function currentCaseStage(state: OpenedCaseState): CaseStage {
  return CASE_STAGES.reduce<CaseStage>((furthest, stage) => (CASE_STAGE_REACHED[stage](state) ? stage : furthest), 'reported');
}

export interface PersonFunnel {
  readonly personId: string;
  readonly kind: AccusedKind;
  readonly reached: readonly PersonFunnelStage[];
}

export interface CaseFunnel {
  readonly stage: CaseStage;
  readonly reached: readonly CaseFunnelStage[];
  readonly persons: readonly PersonFunnel[];
}

export function caseFunnel(state: OpenedCaseState): CaseFunnel {
  return {
    stage: currentCaseStage(state),
    reached: caseFunnelStages(state),
    persons: state.accused.map((person) => ({
      personId: person.personId,
      kind: person.kind,
      reached: personFunnelStages(person),
    })),
  };
}
