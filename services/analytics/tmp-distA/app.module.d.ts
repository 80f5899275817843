/**
 * The analytics service: read models built from the event log (fatalities, IED detection,
 * accountability facts, the access trail), their queries over NATS, and a live stream of
 * indicator changes.
 * Health, metrics and ping come from the service kit.
 */
export declare class AppModule {
}
//# sourceMappingURL=app.module.d.ts.map