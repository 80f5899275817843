/**
 * Events and commands of one imagined MINUSMA case, for the specs: an ambush in March 2021 known
 * to the month, the case opened on 15 March 2021, and "today" in mid-2024.
 */
import {
  ACCUSED_STEP_EVENT_TYPES,
  type AccusedKind,
  type CaseOpenedData,
  type IsoDay,
  type PersonStep,
  type SupportKind,
} from '@bluehelm/contracts';
import type {
  AddAccused,
  CloseCase,
  LinkIncident,
  OpenCase,
  RecordPersonalDataErasure,
  OpenInvestigation,
  RecordAccusedStep,
  RecordSupportAction,
  ReferCase,
} from './case.commands.js';
import type { CaseEvent } from './case.events.js';

export const CASE_ID = '7f1c2a4e-3b5d-4c6e-8f90-1a2b3c4d5e6f';
export const INCIDENT_ID = '0d9e8f7a-6b5c-4d3e-9f21-0a1b2c3d4e5f';
export const OTHER_INCIDENT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
export const INCIDENT_MONTH = '2021-03';
export const OPENED_ON = '2021-03-15';
export const TODAY = '2024-06-30';

const openingData: CaseOpenedData = {
  caseId: CASE_ID,
  incidentId: INCIDENT_ID,
  mission: 'MINUSMA',
  hostState: 'MLI',
  incidentOccurredOn: INCIDENT_MONTH,
  openedOn: OPENED_ON,
  victimNationalities: ['BFA', 'SEN'],
};

export const caseOpened = (change: Partial<CaseOpenedData> = {}): CaseEvent => ({
  type: 'CaseOpened',
  data: { ...openingData, ...change },
});

export const caseReferred = (on: IsoDay): CaseEvent => ({
  type: 'CaseReferred',
  data: { on, authority: 'Pôle judiciaire spécialisé, Bamako' },
});

export const investigationOpened = (on: IsoDay): CaseEvent => ({
  type: 'InvestigationOpened',
  data: { on, authority: 'Pôle judiciaire spécialisé, Bamako' },
});

export const accusedIdentified = (personId: string, on: IsoDay, kind: AccusedKind = 'individual'): CaseEvent => ({
  type: 'AccusedIdentified',
  data: { on, personId, name: `Accused ${personId}`, kind },
});

/** A step as the decider records it; `tried` is in person unless said otherwise. */
export function accusedStep(
  step: PersonStep,
  personId: string,
  on: IsoDay,
  details: { readonly inAbsentia?: boolean; readonly sentence?: string } = {},
): CaseEvent {
  if (step === 'tried') return { type: 'AccusedTried', data: { on, personId, inAbsentia: details.inAbsentia ?? false } };
  if (step === 'sentenced') {
    return { type: 'AccusedSentenced', data: { on, personId, sentence: details.sentence ?? '10 years imprisonment' } };
  }
  return { type: ACCUSED_STEP_EVENT_TYPES[step], data: { on, personId } } as CaseEvent;
}

export const supportRecorded = (supportId: string, on: IsoDay, kind: SupportKind = 'forensic'): CaseEvent => ({
  type: 'SupportActionRecorded',
  data: { on, supportId, kind, provider: 'MINUSMA Justice and Corrections Section' },
});

export const incidentLinked = (incidentId: string, on: IsoDay): CaseEvent => ({
  type: 'IncidentLinked',
  data: { on, incidentId },
});

export const caseClosed = (on: IsoDay, reason = 'all proceedings ended'): CaseEvent => ({
  type: 'CaseClosed',
  data: { on, reason },
});

/** Commands with their usual data, `today` included; `change` replaces any of it. */
export const commands = {
  openCase: (change: Partial<CaseOpenedData & { today: IsoDay }> = {}): OpenCase => ({
    type: 'OpenCase',
    data: { ...openingData, victimNationalities: openingData.victimNationalities ?? [], today: TODAY, ...change },
  }),
  recordErasure: (reason = 'court order 2024/17', keysDestroyed = 1): RecordPersonalDataErasure => ({
    type: 'RecordPersonalDataErasure',
    data: { reason, keysDestroyed, today: TODAY },
  }),
  referCase: (on: IsoDay, authority = 'Pôle judiciaire spécialisé, Bamako'): ReferCase => ({
    type: 'ReferCase',
    data: { on, authority, today: TODAY },
  }),
  openInvestigation: (on: IsoDay): OpenInvestigation => ({
    type: 'OpenInvestigation',
    data: { on, authority: 'Pôle judiciaire spécialisé, Bamako', today: TODAY },
  }),
  addAccused: (personId: string, on: IsoDay, kind: AccusedKind = 'individual'): AddAccused => ({
    type: 'AddAccused',
    data: { personId, on, name: `Accused ${personId}`, kind, today: TODAY },
  }),
  recordStep: (
    step: PersonStep,
    personId: string,
    on: IsoDay,
    details: Omit<Partial<RecordAccusedStep['data']>, 'step' | 'personId' | 'on'> = {},
  ): RecordAccusedStep => ({
    type: 'RecordAccusedStep',
    data: { personId, step, on, today: TODAY, ...details },
  }),
  recordSupport: (supportId: string, on: IsoDay, kind: SupportKind = 'forensic'): RecordSupportAction => ({
    type: 'RecordSupportAction',
    data: { supportId, on, kind, provider: 'MINUSMA Justice and Corrections Section', today: TODAY },
  }),
  linkIncident: (incidentId: string, on: IsoDay): LinkIncident => ({
    type: 'LinkIncident',
    data: { on, incidentId, today: TODAY },
  }),
  closeCase: (on: IsoDay, reason = 'all proceedings ended'): CloseCase => ({
    type: 'CloseCase',
    data: { on, reason, today: TODAY },
  }),
};
