/**
 * The controlled vocabularies of the public API (../shared/docs/architecture.md, domain.md).
 * Each list is the single source for validation, JSON Schemas and report keys: extend, never rename.
 */

export const INCIDENT_CATEGORIES = ['malicious-act', 'accident', 'illness', 'self-inflicted', 'other'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_TYPES = [
  'ied',
  'rocket-mortar',
  'ambush',
  'base-attack',
  'suicide-attack',
  'targeted-killing',
  'abduction',
  'detention',
  'mob-violence',
  'armed-robbery',
  'sofa-violation',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const PERSONNEL_TYPES = [
  'military',
  'police',
  'civilian-international',
  'civilian-local',
  'un-volunteer',
  'contractor',
] as const;
export type PersonnelType = (typeof PERSONNEL_TYPES)[number];

export const CASUALTY_OUTCOMES = ['killed', 'injured', 'abducted', 'detained', 'expelled'] as const;
export type CasualtyOutcome = (typeof CASUALTY_OUTCOMES)[number];

export const CLASSIFICATIONS = ['public', 'restricted', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const LOCATION_PRECISIONS = ['exact', 'near', 'locality', 'district', 'region', 'country'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

export const ACCUSED_KINDS = ['individual', 'group'] as const;
export type AccusedKind = (typeof ACCUSED_KINDS)[number];

/** The steps an accused person goes through, as posted to /v1/cases/:id/accused/:personId/steps. */
export const PERSON_STEPS = [
  'warrant-issued',
  'arrested',
  'charged',
  'tried',
  'convicted',
  'acquitted',
  'charges-dismissed',
  'sentenced',
  'appealed',
  'released',
] as const;
export type PersonStep = (typeof PERSON_STEPS)[number];

export const SUPPORT_KINDS = [
  'forensic',
  'technical',
  'logistics',
  'court-security',
  'witness-protection',
  'training',
  'other',
] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** The stages a case is counted as having reached in the accountability report. */
export const CASE_FUNNEL_STAGES = [
  'reported',
  'referred',
  'investigationOpened',
  'suspectIdentified',
  'charged',
  'tried',
  'convicted',
  'closed',
] as const;
export type CaseFunnelStage = (typeof CASE_FUNNEL_STAGES)[number];

/** The stages an accused person is counted as having reached in the accountability report. */
export const PERSON_FUNNEL_STAGES = [
  'identified',
  'warrantIssued',
  'arrested',
  'charged',
  'tried',
  'convicted',
  'acquitted',
  'chargesDismissed',
  'sentenced',
  'appealed',
  'released',
] as const;
export type PersonFunnelStage = (typeof PERSON_FUNNEL_STAGES)[number];

/** Where a case stands now, for `GET /v1/cases?stage=`. */
export const CASE_STAGES = [
  'reported',
  'referred',
  'investigation',
  'suspect-identified',
  'prosecution',
  'trial',
  'verdict',
  'closed',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Alleged perpetrators of an incident are individuals or groups, as accused persons are. */
export const PERPETRATOR_KINDS = ACCUSED_KINDS;
export type PerpetratorKind = AccusedKind;
