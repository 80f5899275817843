import { type AccessTrailAction, type AccessTrailResource } from '@bluehelm/contracts';
import type { RowProjection } from '../projection/row.projection.js';
/** One event of the log seen as an access: who did what to which resource, when and why. */
export interface AccessTrailRow {
    readonly position: number;
    /** ISO date-time, as the metadata gives it (or the store's commit time). */
    readonly recordedAt: string;
    readonly actor: string;
    readonly action: AccessTrailAction;
    readonly stream: string;
    readonly eventType: string;
    readonly resource: AccessTrailResource | null;
    readonly reason: string | null;
    readonly correlationId: string | null;
}
/** The actor of an event whose metadata names none (written before actors were recorded, or by hand). */
export declare const UNKNOWN_ACTOR = "unknown";
/** The resource a stream is about, when it is named `<category>-<uuid>`; UUIDs in lower case. */
export declare function resourceOfStream(streamName: string): AccessTrailResource | null;
/** One row per event of the log, keyed by its position. */
export declare const accessTrailProjection: RowProjection<AccessTrailRow>;
//# sourceMappingURL=access-trail.projection.d.ts.map