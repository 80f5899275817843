export interface LagFigures {
    readonly offeredRate: number;
    readonly achievedRate: number;
    readonly events: number;
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
}
/**
 * Event-to-read-model lag: a worker thread appends events one per append at the offered rate to
 * a sqlite store (through its own connection, so the projector learns of them by polling, as it
 * does of another process's appends), while the projector follows; the lag of an event is the
 * time from its append's commit to the commit of the batch that applied it.
 */
export declare function benchLag(folder: string, eventsPerSecond: number, events: number): Promise<LagFigures>;
//# sourceMappingURL=lag.bench.d.ts.map