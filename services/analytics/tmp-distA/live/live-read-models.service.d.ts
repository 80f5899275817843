import type { EventStore } from '@bluehelm/event-store';
import { InFlightWork, WorkSources } from '@bluehelm/service-kit';
import { type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AccountabilityIndex } from '../accountability/accountability-index.js';
import { IndicatorPublisher } from '../indicators/indicator-publisher.js';
import { type ReadModelDatabase } from '../read-model/read-model-database.js';
export declare const PROJECTOR_WORK_SOURCE = "analytics-projector";
/**
 * Keeps the read models and the in-memory accountability facts up to date with the event log
 * while the service runs. Start-up returns once everything written before it is applied, so a
 * ready service answers with the whole log.
 */
export declare class LiveReadModels implements OnApplicationBootstrap, BeforeApplicationShutdown {
    private readonly store;
    private readonly index;
    private readonly indicators;
    private readonly workSources;
    private readonly logger;
    private readonly projector;
    constructor(store: EventStore, database: ReadModelDatabase, index: AccountabilityIndex, indicators: IndicatorPublisher, workSources: WorkSources, inFlight: InFlightWork);
    /** The last position each read model has applied. */
    positions(): ReadonlyMap<string, number>;
    get position(): number;
    onApplicationBootstrap(): Promise<void>;
    beforeApplicationShutdown(): Promise<void>;
    private afterBatch;
}
//# sourceMappingURL=live-read-models.service.d.ts.map