var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var IndicatorPublisher_1;
import { ANALYTICS_INDICATORS_CHANGED_SUBJECT, } from '@bluehelm/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { AccountabilityIndex } from '../accountability/accountability-index.js';
import { accountabilityTotals } from '../accountability/accountability.totals.js';
import { FatalitiesReader } from '../fatalities/fatalities.reader.js';
import { IedDetectionReader } from '../ied-detection/ied-detection.reader.js';
import { AnalyticsNatsConnection } from './analytics-nats.connection.js';
/** At most one message per indicator in this interval: a replay of history is not a flood. */
const PUBLISH_INTERVAL_MS = 250;
/**
 * Publishes an IndicatorChanged (plain JSON) on `bluehelm.analytics.indicators.changed` for each
 * indicator the projector changed, with its new totals. Changes within one interval are merged.
 */
let IndicatorPublisher = IndicatorPublisher_1 = class IndicatorPublisher {
    constructor(nats, fatalities, iedDetection, accountability) {
        this.nats = nats;
        this.fatalities = fatalities;
        this.iedDetection = iedDetection;
        this.accountability = accountability;
        this.logger = new Logger(IndicatorPublisher_1.name);
        this.pending = new Set();
        this.position = -1;
        this.publishing = Promise.resolve();
    }
    /** Notes that `indicators` changed with the events up to `position`. */
    changed(indicators, position) {
        if (indicators.length === 0)
            return;
        for (const indicator of indicators)
            this.pending.add(indicator);
        this.position = Math.max(this.position, position);
        this.timer ??= setTimeout(() => {
            this.timer = undefined;
            this.publishing = this.publishing.then(() => this.publishPending());
        }, PUBLISH_INTERVAL_MS);
    }
    async beforeApplicationShutdown() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        await this.publishing.then(() => this.publishPending());
    }
    async publishPending() {
        const indicators = [...this.pending];
        this.pending.clear();
        for (const indicator of indicators) {
            try {
                const message = await this.messageFor(indicator, this.position);
                this.nats.connection.publish(ANALYTICS_INDICATORS_CHANGED_SUBJECT, JSON.stringify(message));
            }
            catch (error) {
                this.logger.warn(`could not publish the change of ${indicator}: ${error instanceof Error ? error.message : String(error)}`);
            }
        }
    }
    async messageFor(indicator, position) {
        switch (indicator) {
            case 'fatalities':
                return { indicator, position, totals: { total: await this.fatalities.total() } };
            case 'ied-detection': {
                const { ieds, detectedBeforeDetonation, rate } = await this.iedDetection.figures({});
                return { indicator, position, totals: { ieds, detectedBeforeDetonation, rate } };
            }
            case 'accountability':
                return { indicator, position, totals: accountabilityTotals(this.accountability.cases()) };
            default: {
                const unknown = indicator;
                throw new Error(`unknown indicator ${String(unknown)}`);
            }
        }
    }
};
IndicatorPublisher = IndicatorPublisher_1 = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [AnalyticsNatsConnection,
        FatalitiesReader,
        IedDetectionReader,
        AccountabilityIndex])
], IndicatorPublisher);
export { IndicatorPublisher };
//# sourceMappingURL=indicator-publisher.js.map