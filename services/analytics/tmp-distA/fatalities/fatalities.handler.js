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
var FatalitiesHandler_1;
import { ANALYTICS_SUBJECTS, FatalitiesQuery, validateRequest, validationProblem, } from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyTo } from '../replies/query-reply.js';
import { InvertedRangeError } from './fatalities.query.js';
import { FatalitiesReader } from './fatalities.reader.js';
/** `GET /v1/analytics/fatalities`: the query string's fields as plain JSON. */
let FatalitiesHandler = FatalitiesHandler_1 = class FatalitiesHandler {
    constructor(reader) {
        this.reader = reader;
        this.logger = new Logger(FatalitiesHandler_1.name);
    }
    fatalities(message) {
        return replyTo(this.logger, ANALYTICS_SUBJECTS.fatalities, async () => {
            const query = validateRequest(FatalitiesQuery, message ?? {});
            if (!query.ok)
                return query.problem;
            try {
                return await this.reader.count(query.value);
            }
            catch (error) {
                if (error instanceof InvertedRangeError)
                    return validationProblem([{ path: 'to', message: error.message }]);
                throw error;
            }
        });
    }
};
__decorate([
    MessagePattern(ANALYTICS_SUBJECTS.fatalities),
    AllowedRoles('analyst', 'auditor', 'member-state'),
    __param(0, Payload()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], FatalitiesHandler.prototype, "fatalities", null);
FatalitiesHandler = FatalitiesHandler_1 = __decorate([
    Controller(),
    __metadata("design:paramtypes", [FatalitiesReader])
], FatalitiesHandler);
export { FatalitiesHandler };
//# sourceMappingURL=fatalities.handler.js.map