var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics.module.js';
/**
 * The analytics service: read models built from the event log (fatalities, IED detection,
 * accountability facts, the access trail), their queries over NATS, and a live stream of
 * indicator changes.
 * Health, metrics and ping come from the service kit.
 */
let AppModule = class AppModule {
};
AppModule = __decorate([
    Module({ imports: [AnalyticsModule] })
], AppModule);
export { AppModule };
//# sourceMappingURL=app.module.js.map