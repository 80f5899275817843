var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var LiveReadModels_1;
import { EVENT_STORE, InFlightWork, WorkSources } from '@bluehelm/service-kit';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { accountabilityFactsProjection } from '../accountability/accountability-facts.projection.js';
import { AccountabilityIndex } from '../accountability/accountability-index.js';
import { changedIndicatorsOf } from '../indicators/changed-indicators.js';
import { IndicatorPublisher } from '../indicators/indicator-publisher.js';
import { ANALYTICS_READ_MODELS } from '../projection/analytics-read-models.js';
import { headPositionOf } from '../projection/log-head.js';
import { ANALYTICS_EVENT_FILTER, Projector } from '../projection/projector.js';
import { READ_MODEL_DATABASE } from '../read-model/read-model-database.js';
export const PROJECTOR_WORK_SOURCE = 'analytics-projector';
/**
 * Keeps the read models and the in-memory accountability facts up to date with the event log
 * while the service runs. Start-up returns once everything written before it is applied, so a
 * ready service answers with the whole log.
 */
let LiveReadModels = LiveReadModels_1 = class LiveReadModels {
    constructor(store, database, index, indicators, workSources, inFlight) {
        this.store = store;
        this.index = index;
        this.indicators = indicators;
        this.workSources = workSources;
        this.logger = new Logger(LiveReadModels_1.name);
        this.projector = new Projector({
            store,
            database,
            readModels: ANALYTICS_READ_MODELS,
            runBatch: (work) => inFlight.run(work),
            onBatch: (events, plan) => this.afterBatch(events, plan),
            onError: (error) => this.logger.warn(`projection failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
        });
    }
    /** The last position each read model has applied. */
    positions() {
        return this.projector.projectionPositions();
    }
    get position() {
        return this.projector.position;
    }
    async onApplicationBootstrap() {
        const head = await headPositionOf(this.store, ANALYTICS_EVENT_FILTER);
        await this.projector.start();
        this.workSources.register({ name: PROJECTOR_WORK_SOURCE, stopTakingWork: () => this.projector.stop() });
        await this.projector.whenReached(head);
        this.logger.log(`read models follow the event log from position ${this.projector.position}`);
    }
    async beforeApplicationShutdown() {
        await this.projector.stop();
    }
    afterBatch(events, plan) {
        for (const event of events) {
            if (event.position <= this.index.lastPosition)
                continue;
            for (const fact of accountabilityFactsProjection.rowsOf(event))
                this.index.add(fact);
        }
        const last = events.at(-1);
        if (last)
            this.index.advanceTo(last.position);
        this.indicators.changed(changedIndicatorsOf(plan.outcomes), this.projector.position);
    }
};
LiveReadModels = LiveReadModels_1 = __decorate([
    Injectable(),
    __param(0, Inject(EVENT_STORE)),
    __param(1, Inject(READ_MODEL_DATABASE)),
    __metadata("design:paramtypes", [Object, Object, AccountabilityIndex,
        IndicatorPublisher,
        WorkSources,
        InFlightWork])
], LiveReadModels);
export { LiveReadModels };
//# sourceMappingURL=live-read-models.service.js.map