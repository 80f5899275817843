import { CASUALTY_OUTCOMES, INCIDENT_REPORTED, INCIDENT_STREAM_CATEGORY, WORLD_DATE_PRECISIONS, worldDatePattern, PERSONNEL_TYPES, } from '@bluehelm/contracts';
const INCIDENT_STREAM_PREFIX = `${INCIDENT_STREAM_CATEGORY}-`;
// Compiled once: the projections read every incident of the log.
const WORLD_DATE = new RegExp(worldDatePattern(WORLD_DATE_PRECISIONS));
/**
 * The incident an event reports, or undefined for any other event. An IncidentReported whose data
 * lacks what the read models need is skipped rather than stopping every projection behind it.
 */
export function reportedIncidentOf(event) {
    if (event.type !== INCIDENT_REPORTED || !event.streamName.startsWith(INCIDENT_STREAM_PREFIX))
        return undefined;
    const data = event.data;
    if (typeof data !== 'object' || data === null)
        return undefined;
    const { incidentId, mission, hostState, occurredOn, category } = data;
    if (![incidentId, mission, hostState, category].every((field) => typeof field === 'string'))
        return undefined;
    if (!isIncidentDate(occurredOn))
        return undefined;
    return {
        incidentId: incidentId,
        mission: mission,
        hostState: hostState,
        occurredOn,
        category: category,
        type: data.type ?? null,
        casualties: Array.isArray(data.casualties) ? data.casualties : [],
        detectedBeforeDetonation: typeof data.detectedBeforeDetonation === 'boolean' ? data.detectedBeforeDetonation : null,
    };
}
/** A casualty with the fields every casualty row needs; others are left out of the read models. */
export function isWellFormedCasualty(casualty) {
    if (typeof casualty !== 'object' || casualty === null)
        return false;
    const { personnelType, nationality, outcome } = casualty;
    return (PERSONNEL_TYPES.includes(personnelType) &&
        typeof nationality === 'string' &&
        CASUALTY_OUTCOMES.includes(outcome));
}
/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date. */
export function isIncidentDate(value) {
    return typeof value === 'string' && WORLD_DATE.test(value);
}
//# sourceMappingURL=reported-incident.reader.js.map