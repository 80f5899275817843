import { type IndicatorName } from '@bluehelm/contracts';
import { type BeforeApplicationShutdown } from '@nestjs/common';
import { AccountabilityIndex } from '../accountability/accountability-index.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { IedDetectionReader } from '../ied-detection/ied-detection.reader.js';
import { AnalyticsNatsConnection } from './analytics-nats.connection.js';
/**
 * Publishes an IndicatorChanged (plain JSON) on `bluehelm.analytics.indicators.changed` for each
 * indicator the projector changed, with its new totals. Changes within one interval are merged.
 */
export declare class IndicatorPublisher implements BeforeApplicationShutdown {
    private readonly nats;
    private readonly fatalities;
    private readonly iedDetection;
    private readonly accountability;
    private readonly logger;
    private readonly pending;
    private position;
    private timer;
    private publishing;
    constructor(nats: AnalyticsNatsConnection, fatalities: FatalitiesReader, iedDetection: IedDetectionReader, accountability: AccountabilityIndex);
    /** Notes that `indicators` changed with the events up to `position`. */
    changed(indicators: readonly IndicatorName[], position: number): void;
    beforeApplicationShutdown(): Promise<void>;
    private publishPending;
    private messageFor;
}
//# sourceMappingURL=indicator-publisher.d.ts.map