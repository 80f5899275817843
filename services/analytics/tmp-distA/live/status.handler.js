var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { ANALYTICS_SUBJECTS } from '@bluehelm/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { LiveReadModels } from './live-read-models.service.js';
/** How far the read models have followed the log: lets a caller wait for its own write. */
let StatusHandler = class StatusHandler {
    constructor(readModels) {
        this.readModels = readModels;
    }
    status() {
        const projections = [...this.readModels.positions()].map(([name, position]) => ({ name, position }));
        return { projections, position: this.readModels.position };
    }
};
__decorate([
    MessagePattern(ANALYTICS_SUBJECTS.status),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], StatusHandler.prototype, "status", null);
StatusHandler = __decorate([
    Controller(),
    __metadata("design:paramtypes", [LiveReadModels])
], StatusHandler);
export { StatusHandler };
//# sourceMappingURL=status.handler.js.map