import { Module } from '@nestjs/common';
import { IntakeNatsConnection } from './intake-nats.connection.js';

@Module({ providers: [IntakeNatsConnection], exports: [IntakeNatsConnection] })
export class IntakeNatsModule {}
