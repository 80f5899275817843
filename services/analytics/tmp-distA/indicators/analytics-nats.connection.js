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
import { connectNats } from '@bluehelm/messaging';
import { natsCredentialsOf, SERVICE_CONFIG, SERVICE_NAME } from '@bluehelm/service-kit';
import { Inject, Injectable } from '@nestjs/common';
/**
 * The service's own NATS connection for plain-JSON publishes, which the NestJS transport would
 * wrap in its envelope. Drained last, after the projector has stopped.
 */
let AnalyticsNatsConnection = class AnalyticsNatsConnection {
    constructor(config, serviceName) {
        this.config = config;
        this.serviceName = serviceName;
    }
    get connection() {
        if (!this.current)
            throw new Error('the analytics NATS connection is not open yet');
        return this.current;
    }
    async onModuleInit() {
        this.current = await connectNats({ url: this.config.NATS_URL, name: `${this.serviceName}-indicators`, ...natsCredentialsOf(this.config) });
    }
    async onApplicationShutdown() {
        const connection = this.current;
        if (!connection || connection.isClosed() || connection.isDraining())
            return;
        await connection.drain();
    }
};
AnalyticsNatsConnection = __decorate([
    Injectable(),
    __param(0, Inject(SERVICE_CONFIG)),
    __param(1, Inject(SERVICE_NAME)),
    __metadata("design:paramtypes", [Function, String])
], AnalyticsNatsConnection);
export { AnalyticsNatsConnection };
//# sourceMappingURL=analytics-nats.connection.js.map