import { ACCESS_STREAM_CATEGORY, CASE_STREAM_CATEGORY, PERSONAL_DATA_READ, UUID_PATTERN, } from '@bluehelm/contracts';
import { recordedAtOf } from '../projection/log-event.js';
/** The actor of an event whose metadata names none (written before actors were recorded, or by hand). */
export const UNKNOWN_ACTOR = 'unknown';
const PERSONAL_DATA_ERASED = 'PersonalDataErased';
const ACCESS_STREAM_PREFIX = `${ACCESS_STREAM_CATEGORY}-`;
const CASE_STREAM_PREFIX = `${CASE_STREAM_CATEGORY}-`;
// `<category>-<uuid>`: the uuid is of fixed length, so the category is whatever comes before it.
const CATEGORY_AND_ID = new RegExp(`^(.+)-(${UUID_PATTERN.slice(1, -1)})$`);
/** The resource a stream is about, when it is named `<category>-<uuid>`; UUIDs in lower case. */
export function resourceOfStream(streamName) {
    const [, type, id] = CATEGORY_AND_ID.exec(streamName) ?? [];
    return type !== undefined && id !== undefined ? { type, id: id.toLowerCase() } : null;
}
function accessDetailsOf(event) {
    const data = typeof event.data === 'object' && event.data !== null ? event.data : {};
    if (event.type === PERSONAL_DATA_READ && event.streamName.startsWith(ACCESS_STREAM_PREFIX)) {
        const { resource, resourceId } = data;
        return {
            action: 'read-personal-data',
            resource: typeof resource === 'string' && typeof resourceId === 'string' ? { type: resource, id: resourceId.toLowerCase() } : null,
            reason: textOrNull(data['reason']),
        };
    }
    if (event.type === PERSONAL_DATA_ERASED && event.streamName.startsWith(CASE_STREAM_PREFIX)) {
        const caseId = event.streamName.slice(CASE_STREAM_PREFIX.length).toLowerCase();
        return { action: 'erase-personal-data', resource: { type: CASE_STREAM_CATEGORY, id: caseId }, reason: textOrNull(data['reason']) };
    }
    return { action: 'write', resource: resourceOfStream(event.streamName), reason: null };
}
/** Every event is an access: nothing in the log is left out, whatever its stream or its data. */
function accessTrailRowsOf(event) {
    const actor = event.metadata['actor'];
    return [
        {
            position: event.position,
            recordedAt: recordedAtOf(event),
            actor: typeof actor === 'string' && actor.trim() !== '' ? actor : UNKNOWN_ACTOR,
            ...accessDetailsOf(event),
            stream: event.streamName,
            eventType: event.type,
            correlationId: textOrNull(event.metadata['correlationId']),
        },
    ];
}
function textOrNull(value) {
    return typeof value === 'string' && value !== '' ? value : null;
}
/** One row per event of the log, keyed by its position. */
export const accessTrailProjection = {
    name: 'access-trail',
    rowsOf: accessTrailRowsOf,
    keyOf: (row) => String(row.position),
};
//# sourceMappingURL=access-trail.projection.js.map