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
var AccountabilityHandler_1;
import { AccountabilityQuery, ANALYTICS_SUBJECTS, validateRequest, } from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CLOCK } from '../clock/clock.js';
import { replyTo } from '../replies/query-reply.js';
import { accountabilityCsv } from './accountability.csv.js';
import { accountabilityReport } from './accountability.report.js';
import { AccountabilityIndex } from './accountability-index.js';
import { STALL_DAYS } from './stall-days.token.js';
import { resolveReportClocks } from './report-clocks.js';
/**
 * `GET /v1/reports/accountability`: the query string's fields as plain JSON. Answers the report
 * for `format=json` (default), `{ contentType, filename, body }` for `format=csv`.
 */
let AccountabilityHandler = AccountabilityHandler_1 = class AccountabilityHandler {
    constructor(index, clock, stallDays) {
        this.index = index;
        this.clock = clock;
        this.stallDays = stallDays;
        this.logger = new Logger(AccountabilityHandler_1.name);
    }
    accountability(message) {
        return replyTo(this.logger, ANALYTICS_SUBJECTS.accountability, async () => {
            const query = validateRequest(AccountabilityQuery, message ?? {});
            if (!query.ok)
                return query.problem;
            const { asOf, knownAt, hostState, mission, format } = query.value;
            const clocks = resolveReportClocks({ asOf, knownAt }, this.clock.now());
            const report = accountabilityReport(this.index.cases(), {
                ...clocks,
                ...(hostState === undefined ? {} : { hostState }),
                ...(mission === undefined ? {} : { mission }),
                stallDays: this.stallDays,
            });
            return format === 'csv' ? accountabilityCsv(report) : report;
        });
    }
};
__decorate([
    MessagePattern(ANALYTICS_SUBJECTS.accountability),
    AllowedRoles('analyst', 'auditor', 'member-state'),
    __param(0, Payload()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AccountabilityHandler.prototype, "accountability", null);
AccountabilityHandler = AccountabilityHandler_1 = __decorate([
    Controller(),
    __param(1, Inject(CLOCK)),
    __param(2, Inject(STALL_DAYS)),
    __metadata("design:paramtypes", [AccountabilityIndex, Object, Number])
], AccountabilityHandler);
export { AccountabilityHandler };
//# sourceMappingURL=accountability.handler.js.map