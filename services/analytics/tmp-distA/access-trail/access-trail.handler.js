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
var AccessTrailHandler_1;
import { AccessTrailQuery, ANALYTICS_SUBJECTS, validateRequest, validationProblem, } from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyTo } from '../replies/query-reply.js';
import { InvertedTimeRangeError } from './access-trail.query.js';
import { AccessTrailReader } from './access-trail.reader.js';
/** `GET /v1/audit/access`: the query string's fields as plain JSON; for auditors only. */
let AccessTrailHandler = AccessTrailHandler_1 = class AccessTrailHandler {
    constructor(reader) {
        this.reader = reader;
        this.logger = new Logger(AccessTrailHandler_1.name);
    }
    accessTrail(message) {
        return replyTo(this.logger, ANALYTICS_SUBJECTS.accessTrail, async () => {
            const query = validateRequest(AccessTrailQuery, message ?? {});
            if (!query.ok)
                return query.problem;
            try {
                return await this.reader.page(query.value);
            }
            catch (error) {
                if (error instanceof InvertedTimeRangeError)
                    return validationProblem([{ path: 'to', message: error.message }]);
                throw error;
            }
        });
    }
};
__decorate([
    MessagePattern(ANALYTICS_SUBJECTS.accessTrail),
    AllowedRoles('auditor'),
    __param(0, Payload()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], AccessTrailHandler.prototype, "accessTrail", null);
AccessTrailHandler = AccessTrailHandler_1 = __decorate([
    Controller(),
    __metadata("design:paramtypes", [AccessTrailReader])
], AccessTrailHandler);
export { AccessTrailHandler };
//# sourceMappingURL=access-trail.handler.js.map