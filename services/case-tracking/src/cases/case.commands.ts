/**
 * What a case officer (or intake, for OpenCase) asks of a case. Every command carries `today`,
 * read once from the clock by the caller, because the decider has no clock of its own; who asked
 * travels in the command context and lands in the events' metadata.
 */
import type { AccusedKind, IncidentDate, IsoDay, PersonalText, PersonStep, SupportKind } from '@bluehelm/contracts';

interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data & { readonly today: IsoDay };
}

/** Sent when intake accepts a report of a malicious act; repeating it for the same incident is harmless. */
export type OpenCase = Command<
  'OpenCase',
  {
    readonly caseId: string;
    readonly incidentId: string;
    readonly mission: string;
    readonly hostState: string;
    readonly incidentOccurredOn: IncidentDate;
    /**
     * The day the case was opened in the world. Referral and investigation may not be dated
     * before it, so a case entered long after the fact should be opened on the day it really was
     * (or on the incident's day), not on the day it was typed in.
     */
    readonly openedOn: IsoDay;
    /** Nationalities of the incident's casualties (see CaseOpenedData). */
    readonly victimNationalities: readonly string[];
  }
>;

export type ReferCase = Command<'ReferCase', { readonly on: IsoDay; readonly authority: string }>;

export type OpenInvestigation = Command<'OpenInvestigation', { readonly on: IsoDay; readonly authority: string }>;

/** The caller makes the personId, so that it can answer it at once and a retry is recognised. */
export type AddAccused = Command<
  'AddAccused',
  {
    readonly personId: string;
    readonly on: IsoDay;
    /** Sealed by the handler before the command is built: the decider never sees plaintext. */
    readonly name: PersonalText;
    readonly kind: AccusedKind;
    readonly affiliation?: string;
  }
>;

export type RecordAccusedStep = Command<
  'RecordAccusedStep',
  {
    readonly personId: string;
    readonly step: PersonStep;
    readonly on: IsoDay;
    /** For `tried` (false when absent), `convicted` and `sentenced`; refused for any other step. */
    readonly inAbsentia?: boolean;
    readonly court?: string;
    /** Required for `sentenced`, refused for any other step. */
    readonly sentence?: string;
    readonly note?: string;
  }
>;

export type RecordSupportAction = Command<
  'RecordSupportAction',
  {
    readonly supportId: string;
    readonly on: IsoDay;
    readonly kind: SupportKind;
    readonly provider: string;
    readonly description?: string;
  }
>;

export type LinkIncident = Command<'LinkIncident', { readonly on: IsoDay; readonly incidentId: string }>;

export type CloseCase = Command<'CloseCase', { readonly on: IsoDay; readonly reason: string }>;

/** Sent after the case's data keys were destroyed, to record the erasure in the case's history. */
export type RecordPersonalDataErasure = Command<
  'RecordPersonalDataErasure',
  { readonly reason: string; readonly keysDestroyed: number }
>;

export type CaseCommand =
  | OpenCase
  | ReferCase
  | OpenInvestigation
  | RecordPersonalDataErasure
  | AddAccused
  | RecordAccusedStep
  | RecordSupportAction
  | LinkIncident
  | CloseCase;
