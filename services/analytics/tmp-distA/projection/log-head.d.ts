import type { EventFilter, EventStore } from '@bluehelm/event-store';
/** The position of the newest event the filter selects, or -1 when there is none. */
export declare function headPositionOf(store: EventStore, filter: EventFilter): Promise<number>;
//# sourceMappingURL=log-head.d.ts.map