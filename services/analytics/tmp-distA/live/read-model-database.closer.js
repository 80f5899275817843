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
import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DATABASE } from '../read-model/read-model-database.js';
/** Closes the read-model database once everything that writes or reads it has stopped. */
let ReadModelDatabaseCloser = class ReadModelDatabaseCloser {
    constructor(database) {
        this.database = database;
    }
    async onApplicationShutdown() {
        await this.database.close();
    }
};
ReadModelDatabaseCloser = __decorate([
    Injectable(),
    __param(0, Inject(READ_MODEL_DATABASE)),
    __metadata("design:paramtypes", [Object])
], ReadModelDatabaseCloser);
export { ReadModelDatabaseCloser };
//# sourceMappingURL=read-model-database.closer.js.map