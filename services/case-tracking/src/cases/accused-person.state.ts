/**
 * One accused person: what was recorded about them, step by step, and where they stand now.
 * Each person moves on their own; one trial may try many of them and end differently for each.
 */
import type { AccusedIdentifiedData, AccusedKind, IsoDay, PersonalText, PersonStep } from '@bluehelm/contracts';
import type { AccusedStepEvent } from './case.events.js';
import { latestOf } from './world-date.js';

export interface AccusedStepRecord {
  readonly step: 'identified' | PersonStep;
  readonly on: IsoDay;
  readonly court?: string;
  readonly note?: string;
  readonly inAbsentia?: boolean;
  readonly sentence?: string;
}

/** The latest trial on the charges now pending. */
export interface AccusedTrial {
  readonly on: IsoDay;
  readonly inAbsentia: boolean;
  readonly verdict: 'convicted' | 'acquitted' | null;
  readonly appealed: boolean;
  readonly sentenced: boolean;
}

/** What the order rules look at; derived from the history by evolve. */
export interface AccusedStanding {
  /** Issued and not yet executed by an arrest. */
  readonly warrantOutstanding: boolean;
  readonly inCustody: boolean;
  /** `dismissed` lets the person be charged again, e.g. on new evidence. */
  readonly charges: 'none' | 'pending' | 'dismissed';
  readonly trial: AccusedTrial | null;
}

export interface AccusedPerson {
  readonly personId: string;
  /** Sealed as stored; a reader's view reveals or redacts it. */
  readonly name: PersonalText;
  readonly kind: AccusedKind;
  readonly affiliation?: string;
  readonly identifiedOn: IsoDay;
  readonly lastStepOn: IsoDay;
  readonly standing: AccusedStanding;
  /** Oldest first, starting with the identification. */
  readonly history: readonly AccusedStepRecord[];
}

export function identifiedAccused(data: AccusedIdentifiedData): AccusedPerson {
  return {
    personId: data.personId,
    name: data.name,
    kind: data.kind,
    ...(data.affiliation === undefined ? {} : { affiliation: data.affiliation }),
    identifiedOn: data.on,
    lastStepOn: data.on,
    standing: { warrantOutstanding: false, inCustody: false, charges: 'none', trial: null },
    history: [{ step: 'identified', on: data.on }],
  };
}

function withTrial(standing: AccusedStanding, change: Partial<AccusedTrial>): AccusedStanding {
  // The order rules make sure a trial exists before any of its outcomes is recorded.
  return standing.trial === null ? standing : { ...standing, trial: { ...standing.trial, ...change } };
}

function nextStanding(standing: AccusedStanding, event: AccusedStepEvent): AccusedStanding {
  switch (event.type) {
    case 'AccusedWarrantIssued':
      return { ...standing, warrantOutstanding: true };
    case 'AccusedArrested':
      return { ...standing, inCustody: true, warrantOutstanding: false };
    case 'AccusedReleased':
      return { ...standing, inCustody: false };
    case 'AccusedCharged':
      return { ...standing, charges: 'pending', trial: null };
    case 'AccusedChargesDismissed':
      return { ...standing, charges: 'dismissed' };
    case 'AccusedTried':
      return {
        ...standing,
        trial: { on: event.data.on, inAbsentia: event.data.inAbsentia, verdict: null, appealed: false, sentenced: false },
      };
    case 'AccusedConvicted':
      return withTrial(standing, { verdict: 'convicted' });
    case 'AccusedAcquitted':
      return withTrial(standing, { verdict: 'acquitted' });
    case 'AccusedSentenced':
      return withTrial(standing, { sentenced: true });
    case 'AccusedAppealed':
      return withTrial(standing, { appealed: true });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled accused step event ${JSON.stringify(unhandled)}`);
    }
  }
}

const STEP_OF_EVENT: { readonly [Type in AccusedStepEvent['type']]: PersonStep } = {
  AccusedWarrantIssued: 'warrant-issued',
  AccusedArrested: 'arrested',
  AccusedCharged: 'charged',
  AccusedTried: 'tried',
  AccusedConvicted: 'convicted',
  AccusedAcquitted: 'acquitted',
  AccusedChargesDismissed: 'charges-dismissed',
  AccusedSentenced: 'sentenced',
  AccusedAppealed: 'appealed',
  AccusedReleased: 'released',
};

function recordOf(event: AccusedStepEvent): AccusedStepRecord {
  const { personId: _personId, ...details } = event.data;
  return { step: STEP_OF_EVENT[event.type], ...details };
}

export function accusedAfterStep(person: AccusedPerson, event: AccusedStepEvent): AccusedPerson {
  return {
    ...person,
    lastStepOn: latestOf(person.lastStepOn, event.data.on),
    standing: nextStanding(person.standing, event),
    history: [...person.history, recordOf(event)],
  };
}
