var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ServiceConfig } from '@bluehelm/service-kit';
import { Expose, Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { READ_MODEL_DATABASE_URL_PATTERN } from '../read-model/read-model-database.url.js';
/** The settings of the analytics service, beside those every service reads. */
export class AnalyticsConfig extends ServiceConfig {
    constructor() {
        super(...arguments);
        /** The service's own database for its read models; rebuildable from the event log at any time. */
        this.ANALYTICS_DB_URL = 'sqlite:./data/analytics.db';
        /** An open case with no step for more than this many days counts as stalled. */
        this.STALL_DAYS = 180;
    }
}
__decorate([
    Expose(),
    Matches(READ_MODEL_DATABASE_URL_PATTERN, {
        message: 'ANALYTICS_DB_URL must be sqlite:<file> or postgres://user@host:port/db (optionally ?schema=<name>)',
    }),
    __metadata("design:type", Object)
], AnalyticsConfig.prototype, "ANALYTICS_DB_URL", void 0);
__decorate([
    Expose(),
    Type(() => Number),
    IsInt({ message: 'STALL_DAYS must be an integer from 1 to 3650' }),
    Min(1, { message: 'STALL_DAYS must be an integer from 1 to 3650' }),
    Max(3650, { message: 'STALL_DAYS must be an integer from 1 to 3650' }),
    __metadata("design:type", Object)
], AnalyticsConfig.prototype, "STALL_DAYS", void 0);
//# sourceMappingURL=analytics.config.js.map