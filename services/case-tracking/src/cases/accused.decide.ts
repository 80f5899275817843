/** The decisions about accused persons: adding one, and recording each of their steps. */
import { ACCUSED_STEP_EVENT_TYPES, type AccusedStepData, type PersonStep } from '@bluehelm/contracts';
import type { AccusedPerson } from './accused-person.state.js';
import { requireStepInOrder } from './accused-step.rules.js';
import type { AddAccused, RecordAccusedStep } from './case.commands.js';
import {
  AccusedAlreadyAddedError,
  AccusedStepBeforePreviousStepError,
  DetailNotApplicableError,
  UnknownAccusedError,
} from './case.errors.js';
import type { AccusedIdentified, AccusedStepEvent } from './case.events.js';
import type { CaseState } from './case.state.js';
import { givenDetails, requireDetail, requireOpenCase, requirePersonalText, requireStepDate } from './case-step.rules.js';

export function decideAddAccused({ data }: AddAccused, state: CaseState): AccusedIdentified[] {
  const openCase = requireOpenCase(state);
  const personId = requireDetail(data.personId, 'personId');
  if (openCase.accused.some((person) => person.personId === personId)) throw new AccusedAlreadyAddedError(personId);
  const on = requireStepDate(openCase, data.on, data.today);
  const name = requirePersonalText(data.name, 'name');
  const kind = requireDetail(data.kind, 'kind') as AddAccused['data']['kind'];
  return [{ type: 'AccusedIdentified', data: { on, personId, name, kind, ...givenDetails({ affiliation: data.affiliation }) } }];
}

// A person can be tried, convicted and sentenced without being present; nothing else is done in absentia.
const STEPS_IN_ABSENTIA: readonly PersonStep[] = ['tried', 'convicted', 'sentenced'];

/** Refuses details that belong to another step, rather than dropping them unrecorded. */
function requireApplicableDetails(data: RecordAccusedStep['data']): void {
  if (data.inAbsentia !== undefined && !STEPS_IN_ABSENTIA.includes(data.step)) {
    throw new DetailNotApplicableError('inAbsentia', data.step);
  }
  if (data.sentence !== undefined && data.step !== 'sentenced') throw new DetailNotApplicableError('sentence', data.step);
}

function stepEvent(step: PersonStep, base: AccusedStepData, data: RecordAccusedStep['data']): AccusedStepEvent {
  switch (step) {
    case 'tried':
      return { type: 'AccusedTried', data: { ...base, inAbsentia: data.inAbsentia ?? false } };
    case 'convicted':
      return { type: 'AccusedConvicted', data: { ...base, ...givenDetails({ inAbsentia: data.inAbsentia }) } };
    case 'sentenced': {
      const sentence = requireDetail(data.sentence, 'sentence');
      return { type: 'AccusedSentenced', data: { ...base, sentence, ...givenDetails({ inAbsentia: data.inAbsentia }) } };
    }
    case 'warrant-issued':
    case 'arrested':
    case 'charged':
    case 'acquitted':
    case 'charges-dismissed':
    case 'appealed':
    case 'released':
      return { type: ACCUSED_STEP_EVENT_TYPES[step], data: base };
    default: {
      const unhandled: never = step;
      throw new Error(`unhandled accused step ${JSON.stringify(unhandled)}`);
    }
  }
}

function requirePerson(accused: readonly AccusedPerson[], personId: string): AccusedPerson {
  const person = accused.find((candidate) => candidate.personId === personId);
  if (person === undefined) throw new UnknownAccusedError(personId);
  return person;
}

export function decideRecordAccusedStep({ data }: RecordAccusedStep, state: CaseState): AccusedStepEvent[] {
  const openCase = requireOpenCase(state);
  const person = requirePerson(openCase.accused, data.personId);
  requireStepInOrder(person, data.step);
  const on = requireStepDate(openCase, data.on, data.today);
  if (on < person.lastStepOn) throw new AccusedStepBeforePreviousStepError(person.personId, data.step, on, person.lastStepOn);
  requireApplicableDetails(data);
  const base: AccusedStepData = { on, personId: person.personId, ...givenDetails({ court: data.court, note: data.note }) };
  return [stepEvent(data.step, base, data)];
}
