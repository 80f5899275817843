export interface AppenderSettings {
    readonly eventStoreUrl: string;
    readonly eventsPerSecond: number;
    readonly events: number;
}
/** When the append of the event at `position` returned, in ms since the epoch (sub-millisecond). */
export interface AppendSample {
    readonly position: number;
    readonly committedAt: number;
}
//# sourceMappingURL=lag-appender.worker.d.ts.map