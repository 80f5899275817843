import { ACCUSED_STEP_EVENT_TYPES, CASE_STREAM_CATEGORY, firstDayOf, isCalendarDay, isCaseEventType, PERSON_STEPS, } from '@bluehelm/contracts';
import { recordedAtOf } from '../projection/log-event.js';
import { isIncidentDate } from '../projection/reported-incident.reader.js';
import { NO_ROWS } from '../projection/row.projection.js';
/** What a fact says happened to a case (or to one of its accused persons). */
export const ACCOUNTABILITY_FACT_KINDS = [
    'case-opened',
    'referred',
    'investigation-opened',
    'identified',
    ...PERSON_STEPS,
    'support-action',
    'incident-linked',
    'case-closed',
];
const CASE_STREAM_PREFIX = `${CASE_STREAM_CATEGORY}-`;
/** The data of stored events is only as trustworthy as the log: each field is checked before use. */
function detailsOf(type, data) {
    switch (type) {
        case 'CaseOpened': {
            const opened = data;
            if (!isIncidentDate(opened.incidentOccurredOn) || typeof opened.hostState !== 'string')
                return undefined;
            return { kind: 'case-opened', on: firstDayOf(opened.incidentOccurredOn), hostState: opened.hostState, mission: opened.mission };
        }
        case 'CaseReferred':
            return { kind: 'referred', on: data.on };
        case 'InvestigationOpened':
            return { kind: 'investigation-opened', on: data.on };
        case 'AccusedIdentified': {
            const identified = data;
            return { kind: 'identified', on: identified.on, personId: identified.personId };
        }
        case 'AccusedWarrantIssued':
        case 'AccusedArrested':
        case 'AccusedCharged':
        case 'AccusedTried':
        case 'AccusedConvicted':
        case 'AccusedAcquitted':
        case 'AccusedChargesDismissed':
        case 'AccusedSentenced':
        case 'AccusedAppealed':
        case 'AccusedReleased': {
            const step = data;
            return { kind: PERSON_STEP_OF_EVENT[type], on: step.on, personId: step.personId };
        }
        case 'SupportActionRecorded': {
            const support = data;
            return { kind: 'support-action', on: support.on, supportKind: support.kind };
        }
        case 'IncidentLinked':
            return { kind: 'incident-linked', on: data.on };
        case 'CaseClosed':
            return { kind: 'case-closed', on: data.on };
        // Erasure removes names, not facts: no stage or count changes, so reports stay as they were.
        case 'PersonalDataErased':
            return undefined;
        default: {
            const unknown = type;
            throw new Error(`unknown case event type ${String(unknown)}`);
        }
    }
}
/** `AccusedCharged` -> `charged`: the inverse of the contract's step-to-event table. */
const PERSON_STEP_OF_EVENT = Object.fromEntries(Object.entries(ACCUSED_STEP_EVENT_TYPES).map(([step, type]) => [type, step]));
function factsOf(event) {
    if (!event.streamName.startsWith(CASE_STREAM_PREFIX) || !isCaseEventType(event.type))
        return NO_ROWS;
    if (typeof event.data !== 'object' || event.data === null)
        return NO_ROWS;
    const details = detailsOf(event.type, event.data);
    // A step without a usable day or person cannot be placed on either clock: leave it out.
    if (!details || !isCalendarDay(details.on))
        return NO_ROWS;
    if ((details.kind === 'identified' || isPersonStep(details.kind)) && typeof details.personId !== 'string')
        return NO_ROWS;
    return [
        {
            position: event.position,
            caseId: event.streamName.slice(CASE_STREAM_PREFIX.length),
            kind: details.kind,
            personId: details.personId ?? null,
            on: details.on,
            recordedAt: recordedAtOf(event),
            hostState: details.hostState ?? null,
            mission: details.mission ?? null,
            supportKind: details.supportKind ?? null,
        },
    ];
}
function isPersonStep(kind) {
    return PERSON_STEPS.includes(kind);
}
/** Every fact of every case, one row per case event. */
export const accountabilityFactsProjection = {
    name: 'accountability-facts',
    rowsOf: factsOf,
    keyOf: (fact) => String(fact.position),
};
//# sourceMappingURL=accountability-facts.projection.js.map