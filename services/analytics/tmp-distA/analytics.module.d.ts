/** Read models fed from the event log, their queries over NATS, and the live indicator stream. */
export declare class AnalyticsModule {
}
//# sourceMappingURL=analytics.module.d.ts.map