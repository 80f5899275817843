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
var IedDetectionHandler_1;
import { ANALYTICS_SUBJECTS, IedDetectionQuery, validateRequest } from '@bluehelm/contracts';
import { AllowedRoles } from '@bluehelm/service-kit';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyTo } from '../replies/query-reply.js';
import { IedDetectionReader } from './ied-detection.reader.js';
/** `GET /v1/analytics/ied-detection`: the query string's fields as plain JSON. */
let IedDetectionHandler = IedDetectionHandler_1 = class IedDetectionHandler {
    constructor(reader) {
        this.reader = reader;
        this.logger = new Logger(IedDetectionHandler_1.name);
    }
    iedDetection(message) {
        return replyTo(this.logger, ANALYTICS_SUBJECTS.iedDetection, async () => {
            const query = validateRequest(IedDetectionQuery, message ?? {});
            return query.ok ? this.reader.figures(query.value) : query.problem;
        });
    }
};
__decorate([
    MessagePattern(ANALYTICS_SUBJECTS.iedDetection),
    AllowedRoles('analyst', 'auditor', 'member-state'),
    __param(0, Payload()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], IedDetectionHandler.prototype, "iedDetection", null);
IedDetectionHandler = IedDetectionHandler_1 = __decorate([
    Controller(),
    __metadata("design:paramtypes", [IedDetectionReader])
], IedDetectionHandler);
export { IedDetectionHandler };
//# sourceMappingURL=ied-detection.handler.js.map