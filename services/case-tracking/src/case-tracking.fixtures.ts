/**
 * The service's pieces wired by hand around an in-memory store and a fixed clock, for the unit
 * specs of handlers and queries: a MINUSMA ambush reported for March 2021, "today" mid-2024.
 */
import { caseIdForIncident } from '@bluehelm/contracts';
import { MemoryEventStore } from '@bluehelm/event-store';
import type { IntegrationEvent } from '@bluehelm/messaging';
import { InFlightWork } from '@bluehelm/service-kit';
import { accessTestKit, personalDataTestKit } from '@bluehelm/service-kit/testing';
import { CaseAccess } from './access/case-access.js';
import { CaseOpener } from './case-opening/case-opener.js';
import { CaseStreamReader } from './case-queries/case-stream.reader.js';
import { AccusedStepHandler } from './cases/accused-step.handler.js';
import { AddAccusedHandler } from './cases/add-accused.handler.js';
import { CaseStepRunner } from './cases/case-step.runner.js';
import { ClosureHandler } from './cases/closure.handler.js';
import { InvestigationHandler } from './cases/investigation.handler.js';
import { LinkIncidentHandler } from './cases/link-incident.handler.js';
import { ReferralHandler } from './cases/referral.handler.js';
import { SupportActionHandler } from './cases/support-action.handler.js';
import type { Clock } from './clock/clock.js';

export const NOW = new Date('2024-06-30T10:00:00.000Z');
export const INCIDENT_ID = '5b0e7c1a-2d3f-4e5a-9b6c-7d8e9f0a1b2c';
export const CASE_ID = caseIdForIncident(INCIDENT_ID);

export const fixedClock: Clock = { now: () => NOW };

/** Real tokens on a development key of the specs' own (see accessTestKit). */
export const ACCESS = await accessTestKit();

/** The MINUSMA legal officer who records the steps and reads names. */
export const OFFICER_CLAIMS = {
  sub: 'legal-officer-7',
  roles: ['case-officer'],
  missions: ['MINUSMA'],
  clearance: ['personal-data'],
} as const satisfies Parameters<typeof ACCESS.contextFor>[0];
export const OFFICER = await ACCESS.contextFor(OFFICER_CLAIMS);
/** An auditor without clearance: sees every case, no names. */
export const AUDITOR = await ACCESS.contextFor({ sub: 'auditor-1', roles: ['auditor'] });

export function incidentReported(
  change: { readonly id?: string; readonly category?: string; readonly occurredOn?: string; readonly incidentId?: string } = {},
): IntegrationEvent {
  const incidentId = change.incidentId ?? INCIDENT_ID;
  return {
    id: change.id ?? '0c2f4e6a-8b1d-4c3e-9f5a-6b7c8d9e0f1a',
    type: 'IncidentReported',
    streamName: `incident-${incidentId}`,
    category: 'incident',
    revision: 0,
    position: 7,
    data: {
      incidentId,
      reportId: 'MINUSMA-2021-03-ambush',
      mission: 'MINUSMA',
      hostState: 'MLI',
      occurredOn: change.occurredOn ?? '2021-03',
      category: change.category ?? 'malicious-act',
      type: 'ambush',
      caseId: caseIdForIncident(incidentId),
      casualties: [
        { personnelType: 'military', nationality: 'TCD', outcome: 'killed', name: null },
        { personnelType: 'police', nationality: 'SEN', outcome: 'injured', name: null },
      ],
    },
    metadata: { correlationId: 'report-correlation', actor: 'minusma-sage' },
  };
}

/** Every case step handler and the case opener on one store. */
export function caseTrackingOn(store = new MemoryEventStore()) {
  const inFlight = new InFlightWork();
  const reader = new CaseStreamReader(store);
  const caseAccess = new CaseAccess(ACCESS.access, reader);
  const personalData = personalDataTestKit(store);
  const steps = new CaseStepRunner(store, inFlight, fixedClock, caseAccess);
  return {
    store,
    inFlight,
    opener: new CaseOpener(store, inFlight, fixedClock),
    reader,
    caseAccess,
    personalData,
    referral: new ReferralHandler(steps),
    investigation: new InvestigationHandler(steps),
    addAccused: new AddAccusedHandler(steps, personalData.cipher),
    accusedStep: new AccusedStepHandler(steps),
    support: new SupportActionHandler(steps),
    linkIncident: new LinkIncidentHandler(steps),
    closure: new ClosureHandler(steps),
  };
}

/** The envelope the gateway puts around a step body. */
export function stepMessage<Body>(body: Body, change: { readonly expectedRevision?: number; readonly caseId?: string } = {}) {
  return { caseId: change.caseId ?? CASE_ID, actor: 'legal-officer-7', correlationId: 'request-42', body, ...change };
}
