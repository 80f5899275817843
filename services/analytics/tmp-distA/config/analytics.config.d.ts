import { ServiceConfig } from '@bluehelm/service-kit';
/** The settings of the analytics service, beside those every service reads. */
export declare class AnalyticsConfig extends ServiceConfig {
    /** The service's own database for its read models; rebuildable from the event log at any time. */
    ANALYTICS_DB_URL: string;
    /** An open case with no step for more than this many days counts as stalled. */
    STALL_DAYS: number;
}
//# sourceMappingURL=analytics.config.d.ts.map